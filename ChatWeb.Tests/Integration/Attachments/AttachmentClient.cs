using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatWeb.Domain.Attachments;
using Xunit;

namespace ChatWeb.Tests.Integration.Attachments;

/// <summary>Uploads as a script would: multipart/form-data, one file in the field <c>file</c>.</summary>
internal static class AttachmentClient
{
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string threadId, string fileName, byte[] bytes, string contentType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/threads/{threadId}/attachments", form, TestContext.Current.CancellationToken);
    }

    public static async Task<AttachmentView> UploadAsync(this HttpClient client, string threadId, string fileName, byte[] bytes)
    {
        using var response = await client.PostFileAsync(threadId, fileName, bytes);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AttachmentView>(TestContext.Current.CancellationToken))!;
    }
}

using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using ChatWeb.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChatWeb.Attachments;

/// <summary>
/// <c>POST /api/threads/{threadId}/attachments</c>: one file, in the multipart field <c>file</c>,
/// streamed section by section straight to the store (never buffered whole: no form binding), and
/// stopped at <c>Attachments:MaxBytes</c>. A browser's cookie must come with the antiforgery token in
/// its header, since a form post from another site would carry the cookie too; a bearer token
/// cannot be sent by another site, so it needs none.
/// </summary>
internal static class AttachmentUpload
{
    public const string FieldName = "file";

    /// <summary>Room for the multipart framing around the file.</summary>
    private const long FramingAllowance = 64 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext http, string threadId, string userId, AttachmentService attachments, CancellationToken ct)
    {
        await RequireAntiforgeryForCookieAsync(http);
        if (!Guid.TryParse(threadId, out var thread))
        {
            throw ChatException.ThreadNotFound();
        }
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
        {
            throw ChatException.Invalid($"Send the file as multipart/form-data, in a field named '{FieldName}'.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = attachments.MaxBytes + FramingAllowance;
        }

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString(), http.Request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FieldName, StringComparison.Ordinal))
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                var uploaded = await attachments.UploadAsync(userId, thread, fileName, section.Body, progress: null, ct);
                return TypedResults.Created($"/api/attachments/{uploaded.Id}", uploaded);
            }
        }
        throw ChatException.Invalid($"No file was sent: put it in a multipart field named '{FieldName}'.");
    }

    /// <summary>Validated from the header only: looking in the form would read (and buffer) the upload first.</summary>
    private static async Task RequireAntiforgeryForCookieAsync(HttpContext http)
    {
        if (AuthSchemes.HasBearerToken(http))
        {
            return;
        }
        var header = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        if (header is null || !http.Request.Headers.ContainsKey(header))
        {
            throw ChatException.Invalid($"Uploading with a sign-in cookie needs the antiforgery token in the '{header}' header (or sign in with a bearer token).");
        }
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            throw ChatException.Invalid("The antiforgery token is missing or invalid; reload the page and try again.");
        }
    }
}

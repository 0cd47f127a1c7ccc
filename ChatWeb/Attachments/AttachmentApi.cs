using System.Security.Claims;
using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using Microsoft.Net.Http.Headers;

namespace ChatWeb.Attachments;

/// <summary>
/// Files over HTTP, for scripts and other apps (the browser UI uploads through its circuit, under the
/// same rules): upload to a thread, download a file or its thumbnail. Shapes: docs/attachments-api.md.
/// A stranger gets 404 for a file, exactly as for an id that does not exist.
/// </summary>
internal static class AttachmentApi
{
    public static IEndpointRouteBuilder MapAttachmentApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization()
            .AddEndpointFilter(RefusalsAsProblems)
            .WithTags("Attachments");

        api.MapPost("/threads/{threadId}/attachments", (string threadId, HttpContext http, AttachmentService attachments, CancellationToken ct) =>
            AttachmentUpload.HandleAsync(http, threadId, UserId(http.User), attachments, ct));
        api.MapGet("/attachments/{id}", (string id, HttpContext http, AttachmentService attachments, CancellationToken ct) =>
            DownloadAsync(http, id, thumbnail: false, attachments, ct));
        api.MapGet("/attachments/{id}/thumbnail", (string id, HttpContext http, AttachmentService attachments, CancellationToken ct) =>
            DownloadAsync(http, id, thumbnail: true, attachments, ct));
        return endpoints;
    }

    /// <summary>
    /// The bytes, as a file that can never run script: nosniff, a CSP that allows nothing (and
    /// sandboxes the response if it is opened as a page), inline only for decoded raster images and
    /// thumbnails, an attachment download for everything else. An id never changes its bytes, so a
    /// browser may keep them for a year; ranges are served for large files.
    /// </summary>
    private static async Task<IResult> DownloadAsync(HttpContext http, string id, bool thumbnail, AttachmentService attachments, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var attachmentId))
        {
            throw ChatException.AttachmentNotFound();
        }
        var file = await attachments.OpenAsync(UserId(http.User), attachmentId, thumbnail, ct);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "private, max-age=31536000, immutable";
        var disposition = new ContentDispositionHeaderValue(file.Inline ? "inline" : "attachment");
        disposition.SetHttpFileName(thumbnail ? ThumbnailName(file.Attachment.FileName) : file.Attachment.FileName);
        headers.ContentDisposition = disposition.ToString();
        var tag = new EntityTagHeaderValue($"\"{attachmentId:N}{(thumbnail ? "-thumb" : "")}\"");
        return TypedResults.Stream(file.Content, file.ContentType, entityTag: tag, enableRangeProcessing: true);
    }

    private static string ThumbnailName(string fileName) => Path.GetFileNameWithoutExtension(fileName) + "-thumbnail.webp";

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async ValueTask<object?> RefusalsAsProblems(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ChatException ex)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AttachmentApi).FullName!);
            logger.LogInformation("Attachment API refused {Method} {Path}: {Reason}", context.HttpContext.Request.Method, context.HttpContext.Request.Path, ex.Message);
            var status = ex.Kind switch
            {
                ChatErrorKind.NotFound => StatusCodes.Status404NotFound,
                ChatErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                ChatErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
                ChatErrorKind.TooFast => StatusCodes.Status429TooManyRequests,
                ChatErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status400BadRequest,
            };
            return TypedResults.Problem(statusCode: status, detail: ex.Message);
        }
    }
}

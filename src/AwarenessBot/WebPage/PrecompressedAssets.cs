using Microsoft.Net.Http.Headers;

namespace AwarenessBot.WebPage;

/// <summary>
/// Serves the copies that build/WebChat.targets compresses once at build time (<c>webchat.js.br</c>, <c>.gz</c>, and
/// the page's own scripts and styles) to browsers that accept them: Web Chat is 3.9 MB as it is, about 0.6 MB in
/// Brotli and 0.9 MB in gzip. No compression work per request; anything without a copy falls through to the static files.
/// </summary>
internal static class PrecompressedAssets
{
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static IApplicationBuilder UsePrecompressedAssets(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var path = request.Path.Value;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && path is not null && ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType)
            && !path.Contains("..", StringComparison.Ordinal))
        {
            var files = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
            foreach (var (encoding, suffix) in Encodings)
            {
                if (!Accepts(request, encoding) || files.GetFileInfo(path + suffix) is not { Exists: true } file)
                {
                    continue;
                }

                var original = files.GetFileInfo(path);
                if (original.Exists && original.LastModified > file.LastModified)
                {
                    // A stale copy (the file changed after the build compressed it): serve the file itself.
                    break;
                }

                var headers = context.Response.Headers;
                headers.ContentEncoding = encoding;
                headers.Vary = HeaderNames.AcceptEncoding;
                headers.CacheControl = "no-cache";
                headers.ETag = $"\"{file.LastModified.ToUnixTimeSeconds():x}-{file.Length:x}-{encoding}\"";
                context.Response.ContentType = contentType;
                context.Response.ContentLength = file.Length;
                if (request.Headers.IfNoneMatch == headers.ETag)
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    context.Response.ContentLength = null;
                    return;
                }

                if (HttpMethods.IsGet(request.Method))
                {
                    await context.Response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
                }

                return;
            }
        }

        await next(context).ConfigureAwait(false);
    });

    private static bool Accepts(HttpRequest request, string encoding) =>
        request.Headers.AcceptEncoding.SelectMany(v => (v ?? "").Split(','))
            .Select(v => v.Split(';'))
            .Any(parts => parts[0].Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase)
                && !(parts.Length > 1 && parts[1].Trim() is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"));
}

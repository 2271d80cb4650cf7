namespace AwarenessBot.Hosting;

/// <summary>GET /privacy: what is stored, for how long, and how to delete it (wwwroot/privacy.html, EN and FR).</summary>
internal static class PrivacyPageEndpoint
{
    public static IEndpointRouteBuilder MapPrivacyPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy", (IWebHostEnvironment environment) =>
        {
            var file = environment.WebRootFileProvider.GetFileInfo("privacy.html");
            return file.Exists && file.PhysicalPath is not null
                ? Results.File(file.PhysicalPath, "text/html; charset=utf-8")
                : Results.NotFound();
        });
        return endpoints;
    }
}

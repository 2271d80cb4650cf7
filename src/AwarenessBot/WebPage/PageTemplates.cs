namespace AwarenessBot.WebPage;

/// <summary>Reads an HTML template from wwwroot (null when it is missing).</summary>
internal static class PageTemplates
{
    public static async Task<string?> ReadAsync(IWebHostEnvironment environment, string name, CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(name);
        if (!file.Exists)
        {
            return null;
        }

        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}

using AwarenessBot.Catalog;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Services;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>
/// Service ids equal file names and are unique; the region folder agrees with regions; hours are in a real time
/// zone and every opening lasts; the national lines that routing falls back on exist.
/// </summary>
internal sealed class ServiceRules : ISeedRule
{
    public void Check(LoadedSeeds seeds, IssueCollector issues)
    {
        var firstFileById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (service, document, folder) in seeds.Services)
        {
            var fileName = Path.GetFileNameWithoutExtension(document.File);
            if (!string.Equals(service.Id, fileName, StringComparison.Ordinal))
            {
                issues.Error(document, "/id", service.Id, null, $"id '{service.Id}' must equal the file name '{fileName}'");
            }

            if (!firstFileById.TryAdd(service.Id, document.File))
            {
                issues.Error(document, "/id", service.Id, null, $"duplicate service id '{service.Id}': also defined in {firstFileById[service.Id]}");
            }

            CheckRegionFolder(service, document, folder, issues);
            if (!HoursReader.TryRead(service.Hours, out _, out var hoursError) && hoursError is not null)
            {
                issues.Error(document, hoursError.Pointer, service.Id, null, "hours: " + hoursError.Message);
            }

            foreach (var language in service.Languages.Where(l => !BotCatalog.Default.IsSpokenLanguage(l)))
            {
                issues.Error(document, "/languages", service.Id, null, $"language '{language}' is not in seeds/catalog.yaml spoken_languages (the bot could not name it)");
            }

            if (!DateOnly.TryParseExact(service.LastVerified, "yyyy-MM-dd", out _))
            {
                issues.Error(document, "/last_verified", service.Id, null, $"last_verified '{service.LastVerified}' is not a date");
            }
        }

        if (seeds.Services.Count == 0)
        {
            return;
        }

        foreach (var id in RoutingFallbacks.Required.Where(id => !firstFileById.ContainsKey(id)))
        {
            issues.Warning("seeds/services", null, id, null, $"routing falls back on '{id}', but no service has that id");
        }
    }

    private static void CheckRegionFolder(ServiceDefinition service, DataDocument document, string folder, IssueCollector issues)
    {
        var national = RegionTimeZones.National;
        if (string.Equals(folder, national, StringComparison.OrdinalIgnoreCase))
        {
            if (!service.Regions.SequenceEqual([national]))
            {
                issues.Error(document, "/regions", service.Id, null, $"a service in services/{folder}/ must have regions: [{national}]");
            }

            return;
        }

        var code = folder.ToUpperInvariant();
        if (!RegionTimeZones.IsProvinceOrTerritory(code))
        {
            issues.Error(document, "/regions", service.Id, null, $"folder '{folder}' is not 'ca' or a province/territory code");
        }
        else if (!service.Regions.Contains(code))
        {
            issues.Error(document, "/regions", service.Id, null, $"a service in services/{folder}/ must list {code} in regions");
        }
    }
}

using AwarenessBot.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Language;

/// <summary>A province or territory: its code, a short button label per locale, and every name people type for it.</summary>
internal sealed record RegionDefinition(string Code, IReadOnlyDictionary<string, string> Label, IReadOnlyList<string> Names);

/// <summary>Recognises "Québec", "quebec", "QC", "qc", "Ontario", "Colombie-Britannique"... Loaded from seeds/intents/regions.yaml.</summary>
internal sealed class RegionCatalog
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);

    public RegionCatalog(IReadOnlyList<RegionDefinition> regions)
    {
        Regions = regions;
        foreach (var region in regions)
        {
            _byName[TextNormalizer.Normalize(region.Code)] = region.Code;
            foreach (var name in region.Names.Concat(region.Label.Values))
                _byName[TextNormalizer.Normalize(name)] = region.Code;
        }
    }

    public IReadOnlyList<RegionDefinition> Regions { get; }

    public bool IsKnown(string code) => Regions.Any(r => r.Code == code);

    /// <summary>The region named by the whole message, or by a multi-word name inside it ("I live in Nova Scotia").</summary>
    public string? Recognize(string normalized)
    {
        if (normalized.Length == 0) return null;
        if (_byName.TryGetValue(normalized, out var code)) return code;
        string? best = null;
        var bestLength = 0;
        foreach (var (name, regionCode) in _byName)
        {
            // Two-letter codes only count as the whole message: "on" and "pe" are ordinary words.
            if (name.Length < 4 || name.Length <= bestLength) continue;
            if (ContainsWords(normalized, name)) { best = regionCode; bestLength = name.Length; }
        }
        return best;
    }

    private static bool ContainsWords(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        while (at >= 0)
        {
            var startOk = at == 0 || text[at - 1] == ' ';
            var end = at + words.Length;
            if (startOk && (end == text.Length || text[end] == ' ')) return true;
            at = text.IndexOf(words, at + 1, StringComparison.Ordinal);
        }
        return false;
    }

    public static RegionCatalog Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path)) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var regions = root.GetSeq("regions").OfType<YamlMappingNode>()
            .Select(r => new RegionDefinition(r.GetString("code") ?? "", r.GetStringMap("label"), r.GetStrings("names")))
            .ToList();
        return new RegionCatalog(regions);
    }
}

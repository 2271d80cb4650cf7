using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Loading;

/// <summary>A content item with the document it came from (for line numbers in later checks).</summary>
internal sealed record LoadedItem(ContentItemDefinition Definition, DataDocument Document);

/// <summary>A service with the document it came from and the region folder it sits in.</summary>
internal sealed record LoadedService(ServiceDefinition Definition, DataDocument Document, string RegionFolder);

/// <summary>Everything read from seeds/ that passed the schema stage; the meaning rules run over this.</summary>
internal sealed record LoadedSeeds(
    string SeedsDirectory,
    IReadOnlyList<LoadedItem> Items,
    IReadOnlyList<LoadedService> Services,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ExplicitTerms);

namespace AwarenessBot.Storage.State;

/// <summary>One stored version of a key: its JSON object (the ETag is never inside it) and the ETag naming this version.</summary>
public sealed record StateDocument(string Json, string ETag);

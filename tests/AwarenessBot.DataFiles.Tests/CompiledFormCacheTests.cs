namespace AwarenessBot.DataFiles.Tests;

/// <summary>
/// Compiled forms (what a loader made of data files) kept under a hash of all they were made of: any change of a part
/// is another key, a missing part differs from an empty one, and <c>off</c> keeps nothing.
/// </summary>
public sealed class CompiledFormCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"awarenessbot-compiled-cache-{Guid.NewGuid():N}");

    [Fact]
    public void A_kept_form_comes_back_under_its_key_and_kind_only()
    {
        var cache = CompiledFormCache.Open(_folder);
        var key = CompiledFormCache.Key(["build", "concepts: [a]"]);

        Assert.Null(cache.TryGet(key, "triage"));
        cache.Add(key, "triage", "compiled é\n");

        Assert.Equal("compiled é\n", CompiledFormCache.Open(_folder).TryGet(key, "triage"));
        Assert.Null(cache.TryGet(key, "other"));
        Assert.Null(cache.TryGet(CompiledFormCache.Key(["build", "concepts: [b]"]), "triage"));
    }

    [Fact]
    public void Keys_differ_with_any_part_its_boundaries_and_a_missing_part()
    {
        string[] keys =
        [
            CompiledFormCache.Key(["ab", "c"]),
            CompiledFormCache.Key(["a", "bc"]),
            CompiledFormCache.Key(["a", "b", "c"]),
            CompiledFormCache.Key(["ab", "c", ""]),
            CompiledFormCache.Key(["ab", "c", null]),
            CompiledFormCache.Key(["ab", "d"]),
        ];

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys[0], CompiledFormCache.Key(["ab", "c"]));
        Assert.NotEqual(CompiledFormCache.BuildOf(typeof(CompiledFormCache).Assembly), CompiledFormCache.BuildOf(typeof(CompiledFormCacheTests).Assembly));
    }

    [Fact]
    public void Off_keeps_nothing_and_a_kind_cannot_name_a_path()
    {
        var off = CompiledFormCache.Open("off");
        var key = CompiledFormCache.Key(["x"]);
        off.Add(key, "triage", "text");

        Assert.False(off.IsEnabled);
        Assert.Null(off.TryGet(key, "triage"));
        Assert.Throws<ArgumentException>(() => CompiledFormCache.Open(_folder).Add(key, "../x", "text"));
        Assert.Throws<ArgumentException>(() => CompiledFormCache.Open(_folder).TryGet("../" + key, "triage"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Lexicons;
using AwarenessBot.Analysis.Normalization;
using AwarenessBot.Analysis.Stemming;
using AwarenessBot.DataFiles;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Analysis.Frames;

/// <summary>
/// Loads <c>seeds/triage/</c>: the normaliser, every locale's concepts (all with the same concept names), and the
/// frames and gates over them. Collects every problem before failing, each naming its file and entry.
/// </summary>
internal static class TriageRulesLoader
{
    private const string ConceptsFolder = "triage/concepts";
    private const string FramesFile = "triage/frames.yaml";
    private const string KnownWordsFile = "triage/known-words.txt";

    /// <summary>Gates that also silence the model's opinion for the whole message.</summary>
    private static readonly string[] ModelGates = ["question", "laughter", "hyperbole"];

    /// <param name="withCorpusKnownWords">False only to regenerate that list: the corrector as the hand-made list leaves it.</param>
    public static TriageRules Load(string seedsDirectory, bool withCorpusKnownWords = true) =>
        Load(seedsDirectory, withCorpusKnownWords, CompiledFormCache.Shared);

    /// <param name="cache">
    /// Where the compiled concepts and word lists are kept (<see cref="TriageCompiledForm"/>), keyed by the texts of
    /// normalization.yaml, every concept file and both known-word lists, and by the builds of the code that compiles
    /// them: a start over unchanged files reads them instead of running every entry through the normaliser and the
    /// stemmers. frames.yaml is read and checked every time. Only a load without any error is kept.
    /// </param>
    internal static TriageRules Load(string seedsDirectory, bool withCorpusKnownWords, CompiledFormCache cache)
    {
        var errors = new List<string>();
        var rulesPath = Path.Combine(seedsDirectory, NormalizationRulesLoader.RelativePath);
        var rulesText = File.Exists(rulesPath) ? File.ReadAllText(rulesPath) : null;
        var rules = rulesText is null ? NormalizationRulesLoader.Load(seedsDirectory) : NormalizationRulesLoader.Parse(rulesText, rulesPath);
        var plain = new MessageNormalizer(rules);

        var conceptFiles = Directory.Exists(Path.Combine(seedsDirectory, ConceptsFolder))
            ? Directory.GetFiles(Path.Combine(seedsDirectory, ConceptsFolder), "*.yaml").Order(StringComparer.Ordinal).ToArray()
            : [];
        if (conceptFiles.Length == 0)
        {
            throw new LexiconValidationException([$"{ConceptsFolder}: no concept files"]);
        }

        // Every text the compiled form is made of, read once: the key is the hash of what is compiled.
        var conceptTexts = conceptFiles.Select(File.ReadAllText).ToArray();
        var knownText = ReadIfPresent(Path.Combine(seedsDirectory, KnownWordsFile));
        var corpusKnownText = withCorpusKnownWords ? ReadIfPresent(Path.Combine(seedsDirectory, CorpusKnownWords.RelativePath)) : null;
        var key = cache.IsEnabled
            ? CompiledFormCache.Key([
                TriageCompiledForm.Kind, CompiledFormCache.BuildOf(typeof(TriageRulesLoader).Assembly),
                CompiledFormCache.BuildOf(typeof(Lucene.Net.Tartarus.Snowball.SnowballProgram).Assembly),
                CompiledFormCache.BuildOf(typeof(YamlReader).Assembly), CompiledFormCache.BuildOf(typeof(Catalog.BotCatalog).Assembly),
                withCorpusKnownWords ? "with corpus known words" : "without corpus known words", rulesText, knownText, corpusKnownText,
                .. conceptFiles.SelectMany((file, i) => new[] { Path.GetFileName(file), conceptTexts[i] })])
            : null;
        var compiled = key is null ? null : TriageCompiledForm.TryRead(cache.TryGet(key, TriageCompiledForm.Kind));
        var fresh = compiled is null;
        compiled ??= CompileConcepts(conceptFiles, conceptTexts, plain, errors);
        var names = (List<string>)[.. compiled.Names];

        var framesRoot = TriageYaml.LoadMapping(Path.Combine(seedsDirectory, FramesFile));
        var frames = LoadFrames(framesRoot, names, errors, out var gates, out var modelVeto, out var checkInPastGates, out var highOnlyNames);
        var plainReply = LoadPlainReply(framesRoot, names, errors);
        var stemLanguages = LoadStemLanguages(framesRoot, compiled.Locales, errors);
        var thirdPerson = LoadThirdPerson(framesRoot, names, errors);
        var highOnly = new List<HighOnlyGate>();
        foreach (var (name, categories) in highOnlyNames)
        {
            if (gates.TryGetValue(name, out var gate)) highOnly.Add(new HighOnlyGate(gate, categories));
            else errors.Add($"{FramesFile}: model_past_gates.high_only names an unknown gate '{name}'");
        }

        if (errors.Count > 0)
        {
            throw new LexiconValidationException(errors);
        }

        if (fresh)
        {
            var known = KnownWords(knownText, plain);
            if (corpusKnownText is not null) known.UnionWith(KnownWords(corpusKnownText, plain));
            compiled = compiled with { Known = [.. known] };
            if (key is not null)
            {
                cache.Add(key, TriageCompiledForm.Kind, compiled.Write());
            }
        }

        var normalizer = new MessageNormalizer(rules, new SpellingCorrector(compiled.Vocabulary, compiled.Known));
        var entries = compiled.Entries;
        var index = new ConceptIndex(names, [.. compiled.Locales], entries);
        return new TriageRules(normalizer, index, new FrameEvaluator(frames, thirdPerson), [.. compiled.Locales])
        {
            EntryCount = entries.Count,
            MessageGates = [.. ModelGates.Where(gates.ContainsKey).Select(g => gates[g])],
            ModelVeto = modelVeto,
            Unvetoed = frames.Where(f => !f.Vetoable).Select(f => f.Id).ToHashSet(StringComparer.Ordinal),
            YieldsToModel = frames.Where(f => f.YieldsTo is not null).ToDictionary(f => f.Id, f => f.YieldsTo!.Value, StringComparer.Ordinal),
            CheckInPastGates = checkInPastGates,
            HighOnlyGates = highOnly,
            PlainReply = plainReply,
            StemLanguages = stemLanguages,
        };
    }

    /// <summary>Every locale's concepts read and every entry compiled; the known words are added after a load without error.</summary>
    private static TriageCompiledForm CompileConcepts(string[] conceptFiles, string[] conceptTexts, MessageNormalizer plain, List<string> errors)
    {
        var names = new List<string>();
        var locales = new List<string>();
        var raw = new List<(string Locale, string Concept, string Entry, string File)>();
        for (var f = 0; f < conceptFiles.Length; f++)
        {
            var file = conceptFiles[f];
            var label = $"{ConceptsFolder}/{Path.GetFileName(file)}";
            var root = TriageYaml.LoadMapping(file, conceptTexts[f]);
            var locale = TriageYaml.Scalar(root, "locale") ?? "";
            if (locale != Path.GetFileNameWithoutExtension(file))
            {
                errors.Add($"{label}: locale '{locale}' does not match the file name");
            }

            locales.Add(locale);
            var fileNames = new List<string>();
            if (TriageYaml.Child(root, "concepts") is YamlMappingNode concepts)
            {
                foreach (var (key, value) in concepts.Children)
                {
                    var concept = ((YamlScalarNode)key).Value ?? "";
                    fileNames.Add(concept);
                    foreach (var entry in TriageYaml.Strings(value))
                    {
                        raw.Add((locale, concept, entry, label));
                    }
                }
            }

            if (names.Count == 0)
            {
                names.AddRange(fileNames);
            }
            else
            {
                foreach (var missing in names.Except(fileNames))
                {
                    errors.Add($"{label}: concept {missing} is missing (every locale names the same concepts)");
                }

                foreach (var extra in fileNames.Except(names))
                {
                    errors.Add($"{label}: concept {extra} is not in {Path.GetFileName(conceptFiles[0])}");
                }
            }
        }

        var entries = new List<ConceptEntry>();
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (locale, concept, entry, file) in raw)
        {
            var id = names.IndexOf(concept);
            if (id < 0)
            {
                continue;
            }

            if (Compile(plain, locale, id, entry, vocabulary) is { } compiled)
            {
                entries.Add(compiled);
            }
            else
            {
                errors.Add($"{file}: {concept} entry '{entry}' is empty after normalisation");
            }
        }

        return new TriageCompiledForm(names, locales, entries, [.. vocabulary], []);
    }

    private static string? ReadIfPresent(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static ConceptEntry? Compile(MessageNormalizer normalizer, string locale, int concept, string entry, HashSet<string> vocabulary)
    {
        var exact = entry.StartsWith('=');
        var text = exact ? entry[1..] : entry;
        var prefix = text.EndsWith('*');
        if (prefix)
        {
            text = text[..^1];
        }

        text = text.Replace("#minor", ConceptIndex.MinorSentinel, StringComparison.Ordinal)
            .Replace("#adult", ConceptIndex.AdultSentinel, StringComparison.Ordinal)
            .Replace("#amount", ConceptIndex.AmountSentinel, StringComparison.Ordinal);
        var words = normalizer.Words(text);
        if (words.Length == 0)
        {
            // Emoji and signs map through the normaliser ("😂" → lol) or stand for themselves ("$").
            return text.Length > 0 ? new ConceptEntry(concept, locale, [new EntryElement(ElementKind.Exact, text)]) : null;
        }

        // A prefix is matched as written: through the slang map "haha*" became "lol*", which matched "lola" and "lolo"
        // (grandmother, grandfather) as laughter and silenced "sasaksakin si lola" (he will stab grandma).
        var written = prefix ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].ToLowerInvariant() : "";
        var elements = new EntryElement[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            elements[i] = word switch
            {
                ConceptIndex.MinorSentinel => new EntryElement(ElementKind.Minor, word),
                ConceptIndex.AdultSentinel => new EntryElement(ElementKind.Adult, word),
                ConceptIndex.AmountSentinel => new EntryElement(ElementKind.Amount, word),
                _ when prefix && i == words.Length - 1 => new EntryElement(ElementKind.Prefix, written),
                _ when exact => new EntryElement(ElementKind.Exact, word),
                _ => new EntryElement(ElementKind.Stem, WordStemmer.Stem(locale, word)),
            };
            if (elements[i].Kind is ElementKind.Stem or ElementKind.Exact)
            {
                vocabulary.Add(word);
            }
        }

        return new ConceptEntry(concept, locale, elements);
    }

    /// <summary>frames.yaml <c>plain_reply</c>: the short replies the model's middle tier keeps quiet on.</summary>
    private static PlainReply? LoadPlainReply(YamlMappingNode root, List<string> names, List<string> errors)
    {
        if (TriageYaml.Child(root, "plain_reply") is not YamlMappingNode node) return null;
        if (!int.TryParse(TriageYaml.Scalar(node, "max_words"), System.Globalization.CultureInfo.InvariantCulture, out var maxWords) || maxWords < 1)
        {
            errors.Add($"{FramesFile}: plain_reply.max_words must be a whole number above 0");
        }

        return new PlainReply(maxWords, Listed("plain"), Listed("neutral"));

        int[] Listed(string key)
        {
            var result = new List<int>();
            foreach (var name in TriageYaml.Strings(TriageYaml.Child(node, key)))
            {
                if (names.IndexOf(name) is >= 0 and var index) result.Add(index);
                else errors.Add($"{FramesFile}: plain_reply.{key} names unknown concept '{name}'");
            }

            return [.. result];
        }
    }

    /// <summary>frames.yaml <c>stem_languages</c>: which languages' stems read a message of an identified language.</summary>
    private static StemLanguages? LoadStemLanguages(YamlMappingNode root, IReadOnlyList<string> locales, List<string> errors)
    {
        if (TriageYaml.Child(root, "stem_languages") is not YamlMappingNode node) return null;
        if (!double.TryParse(TriageYaml.Scalar(node, "identified_above"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var above) || above is <= 0 or > 1)
        {
            errors.Add($"{FramesFile}: stem_languages.identified_above must be a number above 0 and at most 1");
        }

        var mixedIn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var locale in TriageYaml.Strings(TriageYaml.Child(node, "mixed_in")))
        {
            if (locales.Contains(locale)) mixedIn.Add(locale);
            else errors.Add($"{FramesFile}: stem_languages.mixed_in names '{locale}', which has no concept file");
        }

        var ownWords = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (TriageYaml.Child(node, "own_words") is YamlMappingNode own)
        {
            foreach (var (key, value) in own.Children)
            {
                var locale = ((YamlScalarNode)key).Value ?? "";
                if (!locales.Contains(locale) || mixedIn.Contains(locale))
                {
                    errors.Add($"{FramesFile}: stem_languages.own_words names '{locale}', which is no concept file's language or is mixed in");
                    continue;
                }

                ownWords[locale] = TriageYaml.Strings(value).ToHashSet(StringComparer.Ordinal);
            }
        }

        return new StemLanguages(above, mixedIn) { OwnWords = ownWords };
    }

    /// <summary>
    /// frames.yaml <c>third_person</c>: which mention of another person makes a message about someone else. Without
    /// the section, any mention of <c>OTHER_PERSON</c> does (the rule before it had a section).
    /// </summary>
    private static ThirdPersonRule LoadThirdPerson(YamlMappingNode root, List<string> names, List<string> errors)
    {
        if (TriageYaml.Child(root, "third_person") is not YamlMappingNode node)
        {
            return names.IndexOf("OTHER_PERSON") is >= 0 and var other ? new ThirdPersonRule(other, [], 0, [], []) : ThirdPersonRule.None;
        }

        var concept = Named(TriageYaml.Scalar(node, "concept"), "concept");
        var addressee = TriageYaml.Child(node, "not_after") as YamlMappingNode;
        var gapText = addressee is null ? "0" : TriageYaml.Scalar(addressee, "gap") ?? "0";
        if (!int.TryParse(gapText, System.Globalization.CultureInfo.InvariantCulture, out var gap) || gap is < 0 or > 5)
        {
            errors.Add($"{FramesFile}: third_person.not_after.gap must be a whole number from 0 to 5, not '{gapText}'");
        }

        return new ThirdPersonRule(
            concept,
            Listed(addressee is null ? null : TriageYaml.Child(addressee, "concepts"), "not_after.concepts"),
            gap,
            Listed(TriageYaml.Child(node, "not_followed_by"), "not_followed_by"),
            Listed(TriageYaml.Child(node, "unless"), "unless"));

        int Named(string? name, string key)
        {
            if (name is not null && names.IndexOf(name) is >= 0 and var index) return index;
            errors.Add($"{FramesFile}: third_person.{key} names unknown concept '{name}'");
            return -1;
        }

        int[] Listed(YamlNode? list, string key) => [.. TriageYaml.Strings(list).Select(n => Named(n, key))];
    }

    private static RiskCategory? CategoryNamed(string? wireName) =>
        Enum.GetValues<RiskCategory>().Where(c => c.ToWireName() == wireName).Select(c => (RiskCategory?)c).FirstOrDefault();

    private static double Probability(YamlMappingNode node, string key, List<string> errors)
    {
        var text = TriageYaml.Scalar(node, key);
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1)
            return p;
        errors.Add($"{FramesFile}: model_veto.{key} must be a probability from 0 to 1, not '{text}'");
        return double.NaN;
    }

    private static List<FrameDefinition> LoadFrames(
        YamlMappingNode root, List<string> names, List<string> errors, out Dictionary<string, GateDefinition> gates, out ModelVeto modelVeto,
        out HashSet<RiskCategory> checkInPastGates, out List<(string Gate, IReadOnlySet<RiskCategory> Categories)> highOnlyGates)
    {
        modelVeto = ModelVeto.Never;
        if (TriageYaml.Child(root, "model_veto") is YamlMappingNode veto)
        {
            modelVeto = new ModelVeto(Probability(veto, "none_above", errors), Probability(veto, "category_below", errors));
        }

        checkInPastGates = [];
        highOnlyGates = [];
        if (TriageYaml.Child(root, "model_past_gates") is YamlMappingNode pastGates)
        {
            if (TriageYaml.Child(pastGates, "high_only") is YamlMappingNode highOnly)
            {
                foreach (var (key, value) in highOnly.Children)
                {
                    var gate = ((YamlScalarNode)key).Value ?? string.Empty;
                    var listed = TriageYaml.Strings(value);
                    var categories = listed is ["all"]
                        ? Enum.GetValues<RiskCategory>().ToHashSet()
                        : listed.Select(n => CategoryNamed(n) ?? Fail($"{FramesFile}: model_past_gates.high_only.{gate} names an unknown category '{n}'", RiskCategory.SelfHarm)).ToHashSet();
                    highOnlyGates.Add((gate, categories));
                }
            }
            else if (TriageYaml.Child(pastGates, "high_only") is not null)
            {
                errors.Add($"{FramesFile}: model_past_gates.high_only maps gate names to categories (or all)");
            }

            foreach (var name in TriageYaml.Strings(TriageYaml.Child(pastGates, "check_in")))
            {
                checkInPastGates.Add(CategoryNamed(name) ?? Fail($"{FramesFile}: model_past_gates.check_in names an unknown category '{name}'", RiskCategory.SelfHarm));
            }
        }
        gates = new Dictionary<string, GateDefinition>(StringComparer.Ordinal);
        if (TriageYaml.Child(root, "gates") is YamlMappingNode gateMap)
        {
            foreach (var (key, value) in gateMap.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? "";
                var body = (YamlMappingNode)value;
                var scope = TriageYaml.Scalar(body, "scope") switch
                {
                    "message" => GateScope.Message,
                    "clause_before" => GateScope.ClauseBefore,
                    "three_before" => GateScope.ThreeBefore,
                    var other => Fail<GateScope>($"{FramesFile}: gate {name} has an unknown scope '{other}'", GateScope.Message),
                };
                gates[name] = new GateDefinition(
                    name,
                    Concepts(TriageYaml.Child(body, "concepts"), $"gate {name}"),
                    scope,
                    Concepts(TriageYaml.Child(body, "unless"), $"gate {name}"),
                    Concepts(TriageYaml.Child(body, "denied_by"), $"gate {name}"));
            }
        }

        var known = gates;
        var frames = new List<FrameDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (TriageYaml.Child(root, "frames") is not YamlSequenceNode list)
        {
            errors.Add($"{FramesFile}: no frames");
            return frames;
        }

        foreach (var node in list.Children.OfType<YamlMappingNode>())
        {
            var id = TriageYaml.Scalar(node, "id") ?? "";
            if (!ids.Add(id))
            {
                errors.Add($"{FramesFile}: frame id '{id}' is used twice");
            }

            var categoryName = TriageYaml.Scalar(node, "category");
            var category = CategoryNamed(categoryName)
                ?? Fail($"{FramesFile}: frame {id} has an unknown category '{categoryName}'", RiskCategory.ImmediateDanger);
            var severity = TriageYaml.Scalar(node, "severity") switch
            {
                "high" => RiskSeverity.High,
                "check_in" => RiskSeverity.CheckIn,
                var other => Fail($"{FramesFile}: frame {id} has an unknown severity '{other}'", RiskSeverity.CheckIn),
            };
            var elements = (TriageYaml.Child(node, "all") as YamlSequenceNode)?.Children.Select(e => Concepts(e, $"frame {id}")).ToArray() ?? [];
            if (elements.Length == 0)
            {
                errors.Add($"{FramesFile}: frame {id} has no elements in all");
            }

            var vetoable = TriageYaml.Scalar(node, "model_veto") switch
            {
                null or "true" => true,
                "false" => false,
                var other => Fail($"{FramesFile}: frame {id} has model_veto '{other}' (true or false)", true),
            };
            var yieldsName = TriageYaml.Scalar(node, "yields_to_model");
            var yieldsTo = yieldsName is null ? null
                : CategoryNamed(yieldsName) is { } named && named != category ? named
                : Fail<RiskCategory?>($"{FramesFile}: frame {id} yields_to_model '{yieldsName}' (another category)", null);
            frames.Add(new FrameDefinition(id, category, severity, elements, GateList(node, "gates", id), GateList(node, "softened_by", id))
            {
                Vetoable = vetoable,
                YieldsTo = yieldsTo,
            });
        }

        return frames;

        int[] Concepts(YamlNode? node, string owner)
        {
            var result = new List<int>();
            foreach (var name in TriageYaml.Strings(node))
            {
                var index = names.IndexOf(name);
                if (index < 0)
                {
                    errors.Add($"{FramesFile}: {owner} names unknown concept '{name}'");
                }
                else
                {
                    result.Add(index);
                }
            }

            return [.. result];
        }

        GateDefinition[] GateList(YamlMappingNode node, string key, string id)
        {
            var result = new List<GateDefinition>();
            var gates = known;
            foreach (var name in TriageYaml.Strings(TriageYaml.Child(node, key)))
            {
                if (gates.TryGetValue(name, out var gate))
                {
                    result.Add(gate);
                }
                else
                {
                    errors.Add($"{FramesFile}: frame {id} names unknown gate '{name}'");
                }
            }

            return [.. result];
        }

        T Fail<T>(string error, T fallback)
        {
            errors.Add(error);
            return fallback;
        }
    }

    /// <summary>Correctly spelled everyday words the spelling corrector must leave alone ("skill" is not "kill"): a list's text, or none.</summary>
    private static HashSet<string> KnownWords(string? text, MessageNormalizer normalizer)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (text is not null)
        {
            // Lines as File.ReadLines splits them.
            using var lines = new StringReader(text);
            while (lines.ReadLine() is { } line)
            {
                if (line.Length > 0 && line[0] != '#')
                {
                    known.UnionWith(normalizer.Words(line));
                }
            }
        }

        return known;
    }
}

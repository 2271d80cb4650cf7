using System.Globalization;
using System.Text.RegularExpressions;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Validation;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Content.Translation;

/// <summary>Applies the accepted rows of one item to its YAML tree; checks that every touched locale ends up complete.</summary>
internal static partial class ItemEditor
{
    public static (string Text, int Changed) Apply(string yaml, LoadedItem loaded, IReadOnlyList<TranslationRow> rows, string sourceName, IssueCollector issues)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var item = loaded.Definition;
        var changed = 0;
        foreach (var row in rows.Where(r => r.Variant == TranslationRow.TitleVariant))
        {
            var title = YamlEditor.Mapping(root, "title");
            if (YamlEditor.Text(title, row.Locale) != row.Target)
            {
                YamlEditor.SetText(title, row.Locale, row.Target);
                changed++;
            }
        }

        var variants = (YamlSequenceNode)root.Children[new YamlScalarNode("variants")];
        foreach (var group in rows.Where(r => r.Variant != TranslationRow.TitleVariant).GroupBy(r => (Variant: int.Parse(r.Variant, CultureInfo.InvariantCulture), r.Locale)))
        {
            var english = item.Variants[group.Key.Variant].Locales[LocaleNames.Fallback];
            var locales = YamlEditor.Mapping((YamlMappingNode)variants.Children[group.Key.Variant], "locales");
            var target = YamlEditor.Mapping(locales, group.Key.Locale);
            var changedHere = group.Count(row => SetField(target, english, row));
            if (changedHere > 0)
            {
                YamlEditor.SetText(target, "translation", TranslationImporter.StatusFor(group.Last().Status), quoted: false);
                changed += changedHere;
            }

            CheckComplete(target, english, item.Id, group.Key.Variant, group.Key.Locale, sourceName, issues);
        }

        return (YamlEditor.Save(stream, yaml.Split('\n')[0].TrimEnd('\r')), changed);
    }

    private static bool SetField(YamlMappingNode target, LocaleTextDefinition english, TranslationRow row)
    {
        var match = IndexedField().Match(row.Field);
        var (name, index) = match.Success ? (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) : (row.Field, -1);
        if (name.StartsWith("quiz.", StringComparison.Ordinal))
        {
            var quiz = YamlEditor.Mapping(target, "quiz");
            if (YamlEditor.Text(quiz, "answer") is null)
            {
                quiz.Children[new YamlScalarNode("answer")] = YamlEditor.Number(english.Quiz!.Answer);
            }

            return Set(quiz, name["quiz.".Length..], index, row.Target);
        }

        return Set(target, name, index, row.Target);
    }

    private static bool Set(YamlMappingNode parent, string key, int index, string value)
    {
        if (index < 0)
        {
            var old = YamlEditor.Text(parent, key);
            YamlEditor.SetText(parent, key, value);
            return old != value;
        }

        var sequence = YamlEditor.Sequence(parent, key);
        var previous = index < sequence.Children.Count ? (sequence.Children[index] as YamlScalarNode)?.Value : null;
        YamlEditor.SetItem(sequence, index, value);
        return previous != value;
    }

    private static void CheckComplete(YamlMappingNode target, LocaleTextDefinition english, string id, int variant, string locale, string sourceName, IssueCollector issues)
    {
        var messages = YamlEditor.Sequence(target, "messages").Children.Count(n => n is YamlScalarNode { Value.Length: > 0 });
        if (messages != english.Messages.Count)
        {
            issues.Error(sourceName, null, id, locale, $"variant {variant} would have {messages} message(s) in {locale} but {english.Messages.Count} in en: include every messages[i] row");
        }

        if (english.Quiz is { } quiz && target.Children.ContainsKey(new YamlScalarNode("quiz")))
        {
            var q = YamlEditor.Mapping(target, "quiz");
            var complete = YamlEditor.Text(q, "question") is { Length: > 0 } && YamlEditor.Text(q, "feedback_correct") is { Length: > 0 }
                && YamlEditor.Text(q, "feedback_incorrect") is { Length: > 0 }
                && YamlEditor.Sequence(q, "choices").Children.Count(n => n is YamlScalarNode { Value.Length: > 0 }) == quiz.Choices.Count;
            if (!complete)
            {
                issues.Error(sourceName, null, id, locale, $"variant {variant} quiz in {locale} would be incomplete: include every quiz row");
            }
        }
    }

    [GeneratedRegex(@"^([a-z_.]+)\[(\d+)\]$")]
    private static partial Regex IndexedField();
}

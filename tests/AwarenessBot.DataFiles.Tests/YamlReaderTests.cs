using System.Text.Json;
using YamlDotNet.Core;

namespace AwarenessBot.DataFiles.Tests;

public sealed class YamlReaderTests
{
    [Fact]
    public void Every_node_has_its_line_by_json_pointer()
    {
        var document = YamlReader.Read("x.yaml", "id: a\nvariants:\n  - locales:\n      en:\n        messages:\n          - one\n          - two\n");

        Assert.Equal(7, document.LineOf("/variants/0/locales/en/messages/1"));
        Assert.Equal(3, document.LineOf("/variants/0/no_such_key"));
        Assert.Equal("x.yaml", document.File);
    }

    [Theory]
    [InlineData("a: 12", JsonValueKind.Number)]
    [InlineData("a: 1.5", JsonValueKind.Number)]
    [InlineData("a: True", JsonValueKind.True)]
    [InlineData("a: '12'", JsonValueKind.String)]
    [InlineData("a: \"true\"", JsonValueKind.String)]
    [InlineData("a: 2026-12-06", JsonValueKind.String)]
    [InlineData("a: +1 555", JsonValueKind.String)]
    public void Plain_scalars_are_read_by_the_core_schema_and_quoted_ones_stay_strings(string yaml, JsonValueKind kind) =>
        Assert.Equal(kind, YamlReader.Read("x.yaml", yaml).Json!["a"]!.GetValueKind());

    [Fact]
    public void A_null_scalar_is_json_null() => Assert.Null(YamlReader.Read("x.yaml", "a: ~").Json!["a"]);

    [Fact]
    public void A_key_twice_in_one_mapping_is_an_error_with_its_line()
    {
        var issues = new List<ValidationIssue>();

        Assert.Null(YamlReader.TryRead("x.yaml", "intents:\n  help: [a]\n  menu: [b]\n  help: [c]\n", issues));

        var issue = Assert.Single(issues);
        Assert.Equal(("yaml", "x.yaml", 4), (issue.Rule, issue.File, issue.Line));
        Assert.Contains("help", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_and_plain_spellings_of_one_key_are_the_same_key() =>
        Assert.Throws<YamlException>(() => YamlReader.Read("x.yaml", "help: 1\n'help': 2\n"));

    [Fact]
    public void A_second_document_is_refused() =>
        Assert.Throws<YamlException>(() => YamlReader.Read("x.yaml", "a: 1\n---\nb: 2\n"));

    [Fact]
    public void Malformed_yaml_is_one_issue_with_its_line()
    {
        var issues = new List<ValidationIssue>();

        Assert.Null(YamlReader.TryRead("x.yaml", "a: 1\nb: [unclosed\n", issues));

        Assert.Equal(IssueSeverity.Error, Assert.Single(issues).Severity);
        Assert.NotNull(issues[0].Line);
    }

    [Theory]
    [InlineData("intents:\n  help:\n    phrases: [a, b\n  menu:\n    phrases: [c]\n")]
    [InlineData("locale: fr\nintents:\n  help:\n    exact: [aide, \"a l'aide\"\n    phrases: [comment ca marche]\n  menu:\n    phrases: [menu]\n")]
    [InlineData("a: {b: 1\nc: 2\n")]
    public void A_list_left_open_in_the_middle_is_an_issue_not_a_crash(string text)
    {
        var issues = new List<ValidationIssue>();

        Assert.Null(YamlReader.TryRead("x.yaml", text, issues));

        Assert.Equal(IssueSeverity.Error, Assert.Single(issues).Severity);
    }
}

namespace AwarenessBot.Analysis.Lexicons;

/// <summary>Thrown at load with every problem found, each naming the file and the entry.</summary>
public sealed class LexiconValidationException : Exception
{
    public LexiconValidationException()
    {
        Errors = [];
    }

    public LexiconValidationException(string message)
        : base(message)
    {
        Errors = [message];
    }

    public LexiconValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public LexiconValidationException(IReadOnlyList<string> errors)
        : base("Text analysis seeds are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}

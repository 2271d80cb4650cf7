using AwarenessBot.Analytics;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>
/// Anonymous class results: per lesson code, how many quiz answers chose each choice of each question. Nothing else
/// is kept — no conversation, user or session id, no time of an answer, no text; only the lesson's age band, the hash
/// of the teacher's results key, and for each question a conversation answered a salted mark (see
/// <see cref="ClassAnswerMark"/>) so that it counts once — and a code with its counts, marks and salt is gone
/// <see cref="ClassCode.Lifetime"/> after it was created (refused on read, deleted by the expiry sweep).
/// The lesson code is what students carry; reading the counts also needs the results key, which only the teacher gets.
/// SQLite and PostgreSQL (<see cref="SqlClassResultsStore"/>) and the Memory provider share this contract.
/// </summary>
public interface IClassResultsStore
{
    /// <summary>
    /// Creates a fresh code for a lesson in <paramref name="ageBand"/> (quizzes differ by band, so the results need it to
    /// name the choices); returns it, its results key (given only here: the store keeps a hash) and when it expires.
    /// </summary>
    Task<ClassCodeIssued> CreateAsync(string ageBand, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="code"/> (normalised, see <see cref="ClassCode.Normalize"/>) exists and has not expired.</summary>
    Task<bool> IsLiveAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// Adds one answer of <paramref name="answerer"/> (a conversation's random value, never stored) to
    /// <paramref name="question"/>. Only its first answer to a question counts: false (nothing kept) when the code is
    /// unknown or expired, the values are not ids, or this answerer already answered this question under this code.
    /// </summary>
    Task<bool> CountAsync(string code, string question, string choice, string answerer, CancellationToken cancellationToken);

    /// <summary>The code's counts, each below 5 suppressed, when <paramref name="resultsKey"/> is the key issued with it.</summary>
    Task<ClassResultsRead> ReadAsync(string code, string resultsKey, CancellationToken cancellationToken);

    /// <summary>Deletes expired codes with their counts and marks; returns how many codes.</summary>
    Task<int> DeleteExpiredAsync(CancellationToken cancellationToken);
}

/// <summary>A new code, the teacher's results key (only ever returned here) and the instant it stops counting and answering.</summary>
public sealed record ClassCodeIssued(string Code, string ResultsKey, DateTimeOffset ExpiresAt);

/// <summary>A code's results: its lesson's age band, when it expires, and one count per (question, choice) answered at least once.</summary>
public sealed record ClassTally(string AgeBand, DateTimeOffset ExpiresAt, IReadOnlyList<ClassChoiceCount> Counts);

/// <param name="Question">The quiz's content item id.</param>
/// <param name="Choice">The choice's number (1-based), as the quiz's buttons carry it.</param>
public sealed record ClassChoiceCount(string Question, string Choice, SuppressedCount Count);

/// <summary>Whether a read was allowed.</summary>
public enum ClassResultsAccess
{
    /// <summary>The code is live and the key is its own: <see cref="ClassResultsRead.Tally"/> is set.</summary>
    Granted,

    /// <summary>No live code by that name (never made, or expired).</summary>
    UnknownCode,

    /// <summary>The code is live but the key is not the one issued with it.</summary>
    WrongKey,
}

/// <summary>The outcome of <see cref="IClassResultsStore.ReadAsync"/>: the tally only when access is granted.</summary>
public sealed record ClassResultsRead(ClassResultsAccess Access, ClassTally? Tally)
{
    public static readonly ClassResultsRead UnknownCode = new(ClassResultsAccess.UnknownCode, null);

    public static readonly ClassResultsRead WrongKey = new(ClassResultsAccess.WrongKey, null);

    public static ClassResultsRead Granted(ClassTally tally) => new(ClassResultsAccess.Granted, tally);
}

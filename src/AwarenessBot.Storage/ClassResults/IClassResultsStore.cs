using AwarenessBot.Analytics;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>
/// Anonymous class results: per lesson code, how many quiz answers chose each choice of each question. Nothing else
/// is kept — no conversation, user or session id, no time of an answer, no text; only the lesson's age band — and a code with its counts is gone
/// <see cref="ClassCode.Lifetime"/> after it was created (refused on read, deleted by the expiry sweep).
/// SQLite and PostgreSQL (<see cref="SqlClassResultsStore"/>) and the Memory provider share this contract.
/// </summary>
public interface IClassResultsStore
{
    /// <summary>
    /// Creates a fresh code for a lesson in <paramref name="ageBand"/> (quizzes differ by band, so the results need it to
    /// name the choices); returns it and when it expires.
    /// </summary>
    Task<ClassCodeIssued> CreateAsync(string ageBand, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="code"/> (normalised, see <see cref="ClassCode.Normalize"/>) exists and has not expired.</summary>
    Task<bool> IsLiveAsync(string code, CancellationToken cancellationToken);

    /// <summary>Adds one answer; false (nothing kept) when the code is unknown or expired.</summary>
    Task<bool> CountAsync(string code, string question, string choice, CancellationToken cancellationToken);

    /// <summary>The code's counts, each below 5 suppressed; null when the code is unknown or expired.</summary>
    Task<ClassTally?> ReadAsync(string code, CancellationToken cancellationToken);

    /// <summary>Deletes expired codes and their counts; returns how many codes.</summary>
    Task<int> DeleteExpiredAsync(CancellationToken cancellationToken);
}

/// <summary>A new code and the instant it stops counting and answering.</summary>
public sealed record ClassCodeIssued(string Code, DateTimeOffset ExpiresAt);

/// <summary>A code's results: its lesson's age band, when it expires, and one count per (question, choice) answered at least once.</summary>
public sealed record ClassTally(string AgeBand, DateTimeOffset ExpiresAt, IReadOnlyList<ClassChoiceCount> Counts);

/// <param name="Question">The quiz's content item id.</param>
/// <param name="Choice">The choice's number (1-based), as the quiz's buttons carry it.</param>
public sealed record ClassChoiceCount(string Question, string Choice, SuppressedCount Count);

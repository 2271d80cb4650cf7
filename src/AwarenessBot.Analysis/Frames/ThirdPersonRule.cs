namespace AwarenessBot.Analysis.Frames;

/// <summary>
/// When a message is about someone else (seeds/triage/frames.yaml, <c>third_person</c>): a mention of another person
/// (<paramref name="OtherPerson"/>, "my friend", "ma fille", "anak ko") that is the one the situation happens to. Not
/// the one the writer must not tell or would be shown to (a mention at most <paramref name="AddresseeGap"/> words after
/// one of <paramref name="AddresseeBefore"/>: "says not to tell my mom", "dile a mi mamá", "sabihin kay mama"), not the
/// one doing it (a mention followed at once by one of <paramref name="AgentAfter"/>: "my friend online", "un ami que
/// j'ai rencontré sur discord"), and none at all when the writer says it is done to them (one of
/// <paramref name="SelfAffected"/>: "wants me", "me pide", "il me demande", "ako ang").
/// </summary>
internal sealed record ThirdPersonRule(int OtherPerson, int[] AddresseeBefore, int AddresseeGap, int[] AgentAfter, int[] SelfAffected)
{
    /// <summary>No rule: nobody is ever another person (a seeds folder without OTHER_PERSON).</summary>
    public static readonly ThirdPersonRule None = new(-1, [], 0, [], []);

    public bool Holds(ConceptHits hits)
    {
        if (OtherPerson < 0 || !hits.Has(OtherPerson) || Array.Exists(SelfAffected, hits.Has)) return false;
        foreach (var span in hits.Spans(OtherPerson))
        {
            if (!Addressee(span, hits) && !Agent(span, hits)) return true;
        }

        return false;
    }

    private bool Addressee((int First, int Last) person, ConceptHits hits)
    {
        foreach (var concept in AddresseeBefore)
        {
            foreach (var span in hits.Spans(concept))
            {
                if (span.Last < person.First && person.First - span.Last - 1 <= AddresseeGap) return true;
            }
        }

        return false;
    }

    private bool Agent((int First, int Last) person, ConceptHits hits)
    {
        foreach (var concept in AgentAfter)
        {
            foreach (var span in hits.Spans(concept))
            {
                if (span.First == person.Last + 1) return true;
            }
        }

        return false;
    }
}

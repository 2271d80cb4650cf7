using System.Globalization;
using System.Text.Json.Nodes;
using AwarenessBot.Content.Services;

namespace AwarenessBot.Content.Tests.Services;

/// <summary>
/// Hours as structured data: openings map to weekly windows in the zone (past midnight split at midnight, 24:00 the end
/// of the day, an unlisted day closed), and the text shown is the one the bot showed when hours were lines.
/// </summary>
public sealed class HoursReaderTests
{
    private const string Zone = "America/Toronto";

    [Theory]
    [InlineData("""["mon","tue","wed","thu","fri"]""", "Mon-Fri 08:15-16:30")]
    [InlineData("""["mon","wed","fri"]""", "Mon,Wed,Fri 08:15-16:30")]
    [InlineData("""["sat","sun"]""", "Sat,Sun 08:15-16:30")]
    [InlineData("""["fri","sat","sun","mon"]""", "Fri-Mon 08:15-16:30")]
    [InlineData("""["tue","wed","thu","sat"]""", "Tue-Thu,Sat 08:15-16:30")]
    [InlineData("""["sun"]""", "Sun 08:15-16:30")]
    public void Days_are_shown_as_a_range_from_three_in_a_row(string days, string shown)
    {
        var hours = Read(Opening(days, "08:15", "16:30"));

        Assert.Equal(shown + " (Eastern time)", hours.Describe("en"));
    }

    [Fact]
    public void Several_openings_are_shown_in_order_with_the_note_of_the_locale_or_the_fallback()
    {
        var hours = Read(Opening("""["mon","tue","wed","thu","fri"]""", "09:00", "12:00") + "," + Opening("""["mon","tue","wed","thu","fri"]""", "13:00", "17:00"), """, "note": { "en": "Closed on holidays.", "fr": "Fermé les jours fériés." }""");

        Assert.Equal("Mon-Fri 09:00-12:00, Mon-Fri 13:00-17:00 (Eastern time). Closed on holidays.", hours.Describe("en"));
        Assert.Equal("Mon-Fri 09:00-12:00, Mon-Fri 13:00-17:00 (Eastern time). Closed on holidays.", hours.Describe("xx"));
        Assert.True(hours.IsOpenAt(At("2026-12-01 11:59")));
        Assert.False(hours.IsOpenAt(At("2026-12-01 12:30")));
        Assert.True(hours.IsOpenAt(At("2026-12-01 13:00")));
    }

    [Theory]
    [InlineData("2026-12-04 21:59", false)] // Friday before opening
    [InlineData("2026-12-04 22:00", true)]  // Friday at opening
    [InlineData("2026-12-05 05:59", true)]  // Saturday morning, the same opening
    [InlineData("2026-12-05 06:00", false)] // closing time
    [InlineData("2026-12-05 22:30", false)] // Saturday night: not a listed day
    [InlineData("2026-12-03 23:00", false)] // Thursday night: not a listed day
    public void An_opening_past_midnight_runs_into_the_next_day(string local, bool open)
    {
        var hours = Read(Opening("""["fri"]""", "22:00", "06:00"));

        Assert.Equal(open, hours.IsOpenAt(At(local)));
        Assert.Equal("Fri 22:00-06:00 (Eastern time)", hours.Describe("en"));
    }

    [Fact]
    public void Sunday_past_midnight_runs_into_Monday()
    {
        var hours = Read(Opening("""["sun"]""", "23:30", "00:30"));

        Assert.True(hours.IsOpenAt(At("2026-12-07 00:15")));
        Assert.False(hours.IsOpenAt(At("2026-12-07 00:30")));
    }

    [Fact]
    public void Close_at_24_00_is_the_end_of_the_day_and_close_at_00_00_is_midnight()
    {
        var endOfDay = Read(Opening("""["sat"]""", "10:00", "24:00"));
        var midnight = Read(Opening("""["sat"]""", "10:00", "00:00"));

        foreach (var hours in new[] { endOfDay, midnight })
        {
            Assert.True(hours.IsOpenAt(At("2026-12-05 23:59")));
            Assert.False(hours.IsOpenAt(At("2026-12-06 00:00")));
        }

        Assert.Equal("Sat 10:00-24:00 (Eastern time)", endOfDay.Describe("en"));
    }

    [Theory]
    [InlineData("fr", "lun. au ven., de 6 h 30 à 20 h 00, sam., de 10 h 00 à 24 h 00 (heure de l'Est). Fermé les jours fériés.")]
    [InlineData("es", "lun. a vie., de 06:30 a 20:00, sáb., de 10:00 a 24:00 (hora del Este). Closed on holidays.")]
    [InlineData("tl", "Lun-Biy, 06:30-20:00, Sab, 10:00-24:00 (Eastern time). Closed on holidays.")]
    public void Days_times_and_zone_are_written_in_the_locale_from_the_catalog(string locale, string shown)
    {
        var hours = Read(Opening("""["mon","tue","wed","thu","fri"]""", "06:30", "20:00") + "," + Opening("""["sat"]""", "10:00", "24:00"), """, "note": { "en": "Closed on holidays.", "fr": "Fermé les jours fériés." }""");

        Assert.Equal(shown, hours.Describe(locale));
    }

    [Fact]
    public void Days_not_in_a_row_are_a_list_in_the_locale()
    {
        var hours = Read(Opening("""["mon","wed","fri"]""", "12:00", "17:00"));

        Assert.Equal("lun., mié., vie., de 12:00 a 17:00 (hora del Este)", hours.Describe("es"));
    }

    [Fact]
    public void A_day_in_no_opening_is_closed_all_day()
    {
        var hours = Read(Opening("""["mon","wed","fri"]""", "12:00", "17:00"));

        Assert.True(hours.IsOpenAt(At("2026-12-02 12:00")));  // Wednesday
        Assert.False(hours.IsOpenAt(At("2026-12-01 12:00"))); // Tuesday
        Assert.DoesNotContain(hours.Windows, w => w.Day is DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Theory]
    [InlineData("24/7", nameof(HoursKind.AlwaysOpen))]
    [InlineData("online", nameof(HoursKind.OnlineOnly))]
    [InlineData("unknown", nameof(HoursKind.NotSourced))]
    public void Keywords_keep_their_meaning(string keyword, string kind)
    {
        Assert.True(HoursReader.TryRead(JsonValue.Create(keyword), out var hours, out _));
        Assert.Equal(kind, hours.Kind.ToString());
    }

    [Theory]
    [InlineData(""""{ "time_zone": "America/Nowhere", "schedule": [{ "days": ["mon"], "open": "09:00", "close": "17:00" }] }"""", "/hours/time_zone", "unknown time zone 'America/Nowhere'")]
    [InlineData(""""{ "time_zone": "America/Toronto", "schedule": [{ "days": ["mon"], "open": "09:00", "close": "17:00" }, { "days": ["sat"], "open": "10:00", "close": "10:00" }] }"""", "/hours/schedule/1", "open and close are both 10:00")]
    [InlineData(""""{ "time_zone": "America/Toronto", "schedule": [{ "days": ["monday"], "open": "09:00", "close": "17:00" }] }"""", "/hours/schedule/0/days/0", "'monday' is not a day")]
    [InlineData(""""{ "time_zone": "America/Toronto", "schedule": [{ "days": ["mon"], "open": "24:00", "close": "06:00" }] }"""", "/hours/schedule/0/open", "open '24:00' is not a time")]
    [InlineData(""""{ "time_zone": "America/Toronto", "schedule": [{ "days": ["mon"], "open": "09:00", "close": "25:00" }] }"""", "/hours/schedule/0/close", "close '25:00' is not a time")]
    [InlineData(""""{ "time_zone": "America/Toronto", "schedule": ["Mon-Fri 09:00-17:00"] }"""", "/hours", "expected \"24/7\"")]
    [InlineData("\"9-5\"", "/hours", "'9-5' is not \"24/7\"")]
    public void A_bad_schedule_names_the_node_and_the_problem(string json, string node, string message)
    {
        Assert.False(HoursReader.TryRead(JsonNode.Parse(json), out _, out var error));

        Assert.Equal(node, error!.Pointer);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static string Opening(string days, string open, string close) => $$"""{ "days": {{days}}, "open": "{{open}}", "close": "{{close}}" }""";

    private static ServiceHours Read(string openings, string extra = "")
    {
        var node = JsonNode.Parse($$"""{ "time_zone": "{{Zone}}", "schedule": [{{openings}}]{{extra}} }""");
        Assert.True(HoursReader.TryRead(node, out var hours, out var error), error?.Message);
        return hours;
    }

    // A wall-clock time in Toronto (December: UTC-5).
    private static DateTimeOffset At(string local) =>
        DateTimeOffset.ParseExact(local + " -05:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}

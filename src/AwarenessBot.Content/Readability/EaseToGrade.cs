namespace AwarenessBot.Content.Readability;

/// <summary>
/// Maps a Flesch-scale reading ease (0–100+, higher is easier) to a school grade by linear interpolation of
/// Flesch's published table (90–100: grade 5, 80–90: 6, 70–80: 7, 60–70: 8–9, 50–60: 10–12, 30–50: college,
/// 0–30: graduate). Kandel–Moles and Fernández Huerta were built to sit on the same scale.
/// </summary>
internal static class EaseToGrade
{
    // (ease, grade) anchor points, easiest first: Flesch's table.
    private static readonly (double Ease, double Grade)[] Flesch =
    [
        (100, 4.0), (90, 5.0), (80, 6.0), (70, 7.0), (60, 8.5), (50, 11.0), (30, 14.5), (0, 17.0),
    ];

    // Fernández Huerta's own interpretation table for Spanish sits one grade lower per band
    // (90–100: 4th grade, 80–90: 5th, 70–80: 6th, 60–70: 7th–8th, 50–60: pre-university, ...).
    private static readonly (double Ease, double Grade)[] FernandezHuerta =
    [
        (100, 3.0), (90, 4.0), (80, 5.0), (70, 6.0), (60, 7.5), (50, 10.0), (30, 13.5), (0, 16.0),
    ];

    public static double Map(double ease) => Interpolate(Flesch, ease);

    public static double MapSpanish(double ease) => Interpolate(FernandezHuerta, ease);

    private static double Interpolate((double Ease, double Grade)[] anchors, double ease)
    {
        if (ease >= anchors[0].Ease)
        {
            return Math.Max(0, anchors[0].Grade - ((ease - anchors[0].Ease) / 10));
        }

        for (var i = 1; i < anchors.Length; i++)
        {
            var (highEase, highGrade) = anchors[i - 1];
            var (lowEase, lowGrade) = anchors[i];
            if (ease >= lowEase)
            {
                var fraction = (highEase - ease) / (highEase - lowEase);
                return highGrade + (fraction * (lowGrade - highGrade));
            }
        }

        return anchors[^1].Grade;
    }
}

namespace Micro.Analysis;

/// <summary>Typical messages per language (short, as typed in a chat) and a 2,000-character one (a long disclosure).</summary>
internal static class SampleMessages
{
    private static readonly Dictionary<string, string> Short = new()
    {
        ["en"] = "someone online keeps asking me for photos and says he will share them",
        ["fr"] = "quelqu'un en ligne me demande sans arrêt des photos et dit qu'il va les partager",
        ["es"] = "mi empleador se quedó con mi pasaporte y no me paga las horas extra",
        ["tl"] = "kinuha ng amo ko ang pasaporte ko at hindi niya ako binabayaran ng tama",
    };

    private static readonly Dictionary<string, string> Paragraph = new()
    {
        ["en"] = "I met him on a game last year and at first he was really nice to me, he bought me skins and said I was mature for my age. Now he wants me to meet him downtown and says if I don't send more pictures he will show everyone at my school. ",
        ["fr"] = "Je l'ai rencontré sur un jeu l'an dernier et au début il était vraiment gentil, il m'achetait des trucs et disait que j'étais mature pour mon âge. Maintenant il veut que je le rejoigne au centre-ville et dit que si je n'envoie pas d'autres photos il va les montrer à toute mon école. ",
        ["es"] = "Vine a Canadá con un permiso de trabajo y la agencia me cobró una tarifa muy alta. Ahora el empleador guarda mi pasaporte, vivimos seis personas en un cuarto, me descuentan la vivienda del sueldo y dice que si me quejo me van a deportar. ",
        ["tl"] = "Pumunta ako sa Canada na may work permit at siningil ako ng ahensya ng malaking bayad. Ngayon hawak ng amo ko ang pasaporte ko, anim kami sa isang kwarto, kinakaltas nila ang upa sa sahod ko at sabi niya ipapadeport ako kapag nagreklamo ako. ",
    };

    public static string For(string language, string length) => length == "short"
        ? Short[language]
        : Repeat(Paragraph[language], 2000);

    private static string Repeat(string paragraph, int length)
    {
        var text = string.Concat(Enumerable.Repeat(paragraph, (length / paragraph.Length) + 1));
        return text[..length];
    }
}

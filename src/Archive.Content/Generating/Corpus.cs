using System.Globalization;
using System.Reflection;
using System.Text;

namespace Archive.Content.Generating;

/// <summary>One generated document: its metadata and, lazily, the bodies of its versions.</summary>
public sealed record GeneratedDocument(
    string Number, string Kind, string Title, string Subject, DateOnly Date, GeneratedDossier? Dossier, int SequenceNumber,
    int VersionCount, DateTime FirstUpdated, Func<IEnumerable<GeneratedVersion>> Versions);

public sealed record GeneratedDossier(string Number, string Title);

public sealed record GeneratedVersion(int Version, DateTime Updated, string Body);

/// <summary>
/// A corpus shaped like the portal's, for measuring at size: every text distinct (paragraphs of real
/// Kamerstukken recombined, one word in eight swapped for another), most documents in one to three
/// versions and a few in hundreds, word-level edits between versions, most dossiers under 50
/// documents and a few of thousands, kinds and dates spread over twelve years. The same count and
/// seed give the same corpus, byte for byte.
/// </summary>
public sealed class Corpus
{
    static readonly (string Kind, int Weight)[] Kinds =
    [
        ("Brief regering", 22), ("Motie", 20), ("Schriftelijke vragen", 12), ("Antwoord schriftelijke vragen", 10),
        ("Verslag van een schriftelijk overleg", 8), ("Amendement", 8), ("Verslag", 5), ("Nota van wijziging", 3),
        ("Memorie van toelichting", 3), ("Wetsvoorstel", 2), ("Nota naar aanleiding van het verslag", 3), ("Verslag van een commissiedebat", 4),
    ];

    static readonly DateOnly First = new(2015, 1, 1);
    const int Days = 12 * 365;

    readonly string[] paragraphs;
    readonly string[] words;
    readonly int count, seed;
    readonly int[] dossierOf;
    readonly List<int> dossierSizes = [];

    public Corpus(int count, int seed)
    {
        (this.count, this.seed) = (count, seed);
        paragraphs = Seed();
        words = paragraphs.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.All(char.IsLetter) && w.Length > 2).Distinct().Order(StringComparer.Ordinal).ToArray();
        dossierOf = PlanDossiers(new Random(seed));
    }

    /// <summary>How many documents each dossier got, largest first (for reports).</summary>
    public IReadOnlyList<int> DossierSizes => dossierSizes.OrderDescending().ToList();

    public IEnumerable<GeneratedDocument> Documents()
    {
        var sequence = new int[dossierSizes.Count];
        for (var i = 0; i < count; i++)
        {
            var random = new Random(Mix(seed, i));
            var date = First.AddDays(random.Next(Days));
            var kind = Pick(random, Kinds);
            var dossierIndex = dossierOf[i];
            var dossier = dossierIndex < 0 ? null : new GeneratedDossier((20000 + dossierIndex).ToString(CultureInfo.InvariantCulture), DossierTitle(dossierIndex));
            var versions = VersionCount(random);
            var subject = Sentence(random, 6 + random.Next(8));
            var firstUpdated = date.ToDateTime(new TimeOnly(9 + random.Next(8), random.Next(60)));
            var (documentSeed, index) = (random.Next(), i);
            yield return new GeneratedDocument(
                $"{date.Year}D{i:D6}", kind, dossier?.Title ?? subject, subject, date, dossier,
                dossierIndex < 0 ? 0 : ++sequence[dossierIndex], versions, firstUpdated,
                () => Versions(new Random(documentSeed), versions, firstUpdated, index));
        }
    }

    /// <summary>A first text, then each version the one before with a few words changed, sometimes a paragraph added or dropped.</summary>
    IEnumerable<GeneratedVersion> Versions(Random random, int versions, DateTime firstUpdated, int index)
    {
        var body = Body(random);
        body.Insert(0, Marker(index));
        var updated = firstUpdated;
        for (var v = 1; v <= versions; v++)
        {
            if (v > 1)
            {
                // A word may be swapped for itself: a version always differs from the one before.
                var before = string.Join("\n\n", body);
                do Edit(random, body); while (string.Join("\n\n", body) == before);
                updated = updated.AddHours(1 + random.Next(24 * 20));
            }
            yield return new GeneratedVersion(v, updated, string.Join("\n\n", body));
        }
    }

    /// <summary>
    /// Words to search for at known frequencies: <c>kenmerk…</c> is in this document alone,
    /// <c>reeks…</c> in one document in a hundred (documents i to i + 99).
    /// </summary>
    public static string Marker(int index) => $"Kenmerk kenmerk{Letters(index)}, reeks reeks{Letters(index / 100)}.";

    static string Letters(int n)
    {
        var letters = new StringBuilder();
        do { letters.Insert(0, (char)('a' + n % 26)); n /= 26; } while (n > 0);
        return letters.ToString().PadLeft(3, 'a');
    }

    /// <summary>Mostly 5 to 60 paragraphs, a long tail to a few hundred (a median near 35 KB, as the portal's letters).</summary>
    List<string> Body(Random random)
    {
        var length = Math.Min(400, 5 + (int)(-Math.Log(1 - random.NextDouble()) * 80));
        return Enumerable.Range(0, length).Select(_ => Varied(random, paragraphs[random.Next(paragraphs.Length)])).ToList();
    }

    string Varied(Random random, string paragraph)
    {
        var parts = paragraph.Split(' ');
        for (var j = 0; j < parts.Length; j++)
            if (random.Next(8) == 0 && parts[j].All(char.IsLetter)) parts[j] = words[random.Next(words.Length)];
        return string.Join(' ', parts);
    }

    void Edit(Random random, List<string> body)
    {
        var edits = 1 + random.Next(8);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(body.Count);
            var parts = body[at].Split(' ');
            parts[random.Next(parts.Length)] = words[random.Next(words.Length)];
            body[at] = string.Join(' ', parts);
        }
        switch (random.Next(10))
        {
            case 0: body.Insert(random.Next(body.Count + 1), Varied(random, paragraphs[random.Next(paragraphs.Length)])); break;
            case 1 when body.Count > 3: body.RemoveAt(random.Next(body.Count)); break;
        }
    }

    /// <summary>70 % one version, 20 % two, 8 % three, 2 % four to ten; one in 2,000 a hundred to three hundred.</summary>
    static int VersionCount(Random random) => random.Next(2000) == 0 ? 100 + random.Next(201) : random.Next(100) switch
    {
        < 70 => 1,
        < 90 => 2,
        < 98 => 3,
        _ => 4 + random.Next(7),
    };

    /// <summary>
    /// 15 % of documents in no dossier; the rest in dossiers of 1–15 documents (80 %), 16–60 (17 %)
    /// or 100–400 (3 %), and from 5,000 documents on, one of 2,000 or more per 5,000.
    /// </summary>
    int[] PlanDossiers(Random random)
    {
        var slots = new List<int>(count);
        var large = count / 5000;
        for (var d = 0; d < large; d++) Add(2000 + random.Next(1000));
        while (slots.Count < count * 85 / 100)
            Add(random.Next(100) switch { < 80 => 1 + random.Next(15), < 97 => 16 + random.Next(45), _ => 100 + random.Next(301) });
        while (slots.Count < count) slots.Add(-1);
        var plan = slots.Take(count).ToArray();
        random.Shuffle(plan);
        return plan;

        void Add(int size)
        {
            var index = dossierSizes.Count;
            size = Math.Min(size, count * 85 / 100 - slots.Count);
            if (size <= 0) return;
            dossierSizes.Add(size);
            for (var k = 0; k < size; k++) slots.Add(index);
        }
    }

    string DossierTitle(int index) => Sentence(new Random(Mix(seed, -1 - index)), 5 + index % 7);

    string Sentence(Random random, int length)
    {
        var sentence = string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)]));
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    /// <summary>A seed per item that does not depend on the process (HashCode does).</summary>
    static int Mix(int seed, int item) => unchecked((int)((uint)seed * 2654435761u ^ (uint)item * 40503u + 0x9E3779B9u));

    static string Pick(Random random, (string Kind, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(k => k.Weight));
        foreach (var (kind, weight) in weighted)
            if ((roll -= weight) < 0) return kind;
        return weighted[^1].Kind;
    }

    static string[] Seed()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Archive.Content.Generating.paragraphs.txt")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>A version as an OpenTK page, the form <c>import</c> reads.</summary>
    public static string Page(GeneratedDocument document, GeneratedVersion version)
    {
        var page = new StringBuilder();
        page.Append("[overzicht] [kamerstukdossiers] [🔍 uitgebreid zoeken]\n\n");
        page.Append(document.Subject).Append("\n\n").Append(document.Title).Append("\n\n").Append(document.Kind).Append("\n\n");
        page.Append(CultureInfo.InvariantCulture, $"Nummer: {document.Number}, datum: {document.Date:yyyy-MM-dd}, bijgewerkt: {version.Updated:yyyy-MM-dd HH:mm}, versie: {version.Version}\n\n");
        if (document.Dossier is { } dossier)
            page.Append(CultureInfo.InvariantCulture, $"Onderdeel van kamerstukdossier {dossier.Number} -{document.SequenceNumber} {dossier.Title}.\n\n");
        page.Append("Preview document (🔗 origineel)\n\n").Append(version.Body).Append('\n');
        return page.ToString();
    }
}

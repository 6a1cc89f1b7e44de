using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Archive.Tests.OpenData;

/// <summary>
/// The real portal files and their official publications, read from ../shared/fixtures/real (see its
/// README): never committed in the project. A test reading them skips without it, so it is a [SkippableFact].
/// </summary>
static partial class RealFixture
{
    public const string ClaassenDocx = "files/09b97518-8d7c-4a90-a090-28e45bc44920.docx";
    public const string ClaassenKoop = "koop/3bb6b74d-77a1-4670-bffb-b925474468bb.xml";
    public const string RikkersDocx = "files/0787ced2-629a-4d32-ab8f-4b97a7680248.docx";
    public const string RikkersKoop = "koop/1975718b-2d90-44b9-ad1a-e33f1b4ad5b4.xml";
    public const string CederPdf = "files/d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf";
    public const string CederKoop = "koop/4fc8e28c-5f92-418a-8e7c-ace40e2b677e.xml";
    public const string VerdonkDoc = "files/ca71487f-866a-43aa-a9d5-ec3e2c3a236c.doc";

    public static string Path(string name) => SharedFixtures.Path($"real/{name}");
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>A text's paragraphs: what blank lines separate.</summary>
    public static string[] Paragraphs(string text) => text.Split("\n\n").Select(p => p.Trim('\n')).Where(p => p.Length > 0).ToArray();

    /// <summary>Every run of white space as one space: for comparing texts whose lines break differently.</summary>
    public static string Collapsed(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>
    /// The paragraphs of the official publication's body, from "De Kamer," to the signature: each
    /// &lt;al&gt; of &lt;tekst&gt;; an &lt;al-groep&gt; is one paragraph the typesetter broke in two.
    /// </summary>
    public static string[] OfficialBody(string koop) =>
        XDocument.Load(Path(koop)).Descendants("tekst").Single().Elements()
            .Select(e => Collapsed(string.Join(" ", e.Name == "al-groep" ? e.Elements("al").Select(a => a.Value) : [e.Value])))
            .ToArray();

    public static string Official(string koop, string element) => Collapsed(XDocument.Load(Path(koop)).Descendants(element).First().Value);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

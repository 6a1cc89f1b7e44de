using System.Globalization;
using Archive.Api.Infrastructure;
using Archive.Content.Generating;
using JasperFx.CommandLine;

namespace Archive.Api.Importing;

public sealed class GenerateCorpusInput
{
    [Description("The folder to write the pages to (one file per version)")]
    public string Folder { get; set; } = "";

    [Description("How many documents"), FlagAlias("documents", 'd')]
    public int DocumentsFlag { get; set; } = 1000;

    [Description("The seed: the same count and seed give the same corpus"), FlagAlias("seed", 's')]
    public int SeedFlag { get; set; } = 1;
}

/// <summary>A corpus shaped like the portal's (see <see cref="Corpus"/>), written as OpenTK pages, one document at a time.</summary>
[Description("Write a realistic corpus of OpenTK pages: distinct texts, versions with word edits, dossiers of realistic size", Name = "generate-corpus")]
public sealed class GenerateCorpusCommand : JasperFxCommand<GenerateCorpusInput>
{
    public override bool Execute(GenerateCorpusInput input) => CommandFaults.Guard("generate-corpus", () => Run(input));

    static bool Run(GenerateCorpusInput input)
    {
        if (input.DocumentsFlag is < 1 or > 999_999)
        {
            Console.Error.WriteLine("generate-corpus: --documents must be from 1 to 999,999");
            return false;
        }
        Directory.CreateDirectory(input.Folder);
        var corpus = new Corpus(input.DocumentsFlag, input.SeedFlag);
        long pages = 0, bytes = 0;
        foreach (var document in corpus.Documents())
        foreach (var version in document.Versions())
        {
            var page = Corpus.Page(document, version);
            File.WriteAllText(Path.Combine(input.Folder, $"{document.Number}-v{version.Version:D3}.txt"), page);
            (pages, bytes) = (pages + 1, bytes + page.Length);
        }
        var sizes = corpus.DossierSizes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{input.DocumentsFlag:N0} documents, {pages:N0} pages ({bytes / 1_048_576.0:N1} MB) written to {input.Folder}; " +
            $"{sizes.Count:N0} dossiers, largest {string.Join(", ", sizes.Take(3))}"));
        return true;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Api.Infrastructure;
using JasperFx.CommandLine;

namespace Archive.Api.Importing;

public sealed class GenerateInput
{
    [Description("An OpenTK page to vary")]
    public string Template { get; set; } = "";

    [Description("The folder to write the generated pages to")]
    public string Folder { get; set; } = "";

    [Description("How many documents"), FlagAlias("documents", 'd')]
    public int DocumentsFlag { get; set; } = 100;

    [Description("How many versions of each"), FlagAlias("versions", 'v')]
    public int VersionsFlag { get; set; } = 10;
}

/// <summary>Synthetic pages for load tests: each document in several versions, each version one word different.</summary>
[Description("Write synthetic OpenTK pages (documents x versions) derived from a template page", Name = "generate")]
public sealed partial class GenerateCommand : JasperFxCommand<GenerateInput>
{
    public override bool Execute(GenerateInput input) => CommandFaults.Guard("generate", () => Run(input));

    static bool Run(GenerateInput input)
    {
        if (!File.Exists(input.Template))
        {
            Console.Error.WriteLine($"generate: template '{input.Template}' does not exist");
            return false;
        }
        var template = File.ReadAllText(input.Template);
        Directory.CreateDirectory(input.Folder);
        var start = new DateTime(2026, 1, 5, 9, 0, 0);
        for (var d = 0; d < input.DocumentsFlag; d++)
        for (var v = 1; v <= input.VersionsFlag; v++)
        {
            var number = $"2099D{d:D5}";
            var updated = start.AddDays(d % 300).AddHours(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var page = NumberLine().Replace(template, $"Nummer: {number}, datum: 2026-01-30, bijgewerkt: {updated}, versie: {v}", 1)
                .Replace("Vastgesteld", $"Vastgesteld (versie {v})");
            File.WriteAllText(Path.Combine(input.Folder, $"{number}-v{v:D3}.txt"), page);
        }
        Console.WriteLine($"{input.DocumentsFlag * input.VersionsFlag} pages written to {input.Folder}");
        return true;
    }

    [GeneratedRegex(@"^Nummer: .*$", RegexOptions.Multiline)]
    private static partial Regex NumberLine();
}

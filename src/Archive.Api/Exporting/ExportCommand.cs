using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Api.Documents.TimeTravel;
using Archive.Api.Infrastructure;
using JasperFx.CommandLine;
using Marten;

namespace Archive.Api.Exporting;

public sealed class ExportInput : AsOfInput
{
    [Description("Only this Kamerstukdossier"), FlagAlias("dossier")]
    public string? DossierFlag { get; set; }

    [Description("Only this kind (soort)"), FlagAlias("kind")]
    public string? KindFlag { get; set; }
}

[Description("Write every document as it stood at a moment as NDJSON to standard output", Name = "export")]
public sealed class ExportCommand : JasperFxAsyncCommand<ExportInput>
{
    public override Task<bool> Execute(ExportInput input) => CommandFaults.Guard("export", () => RunAsync(input));

    static async Task<bool> RunAsync(ExportInput input)
    {
        if (input.Query("export") is not { } query) return false;
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
        await using var stdout = Console.OpenStandardOutput();
        var written = await ArchiveExport.WriteAsync(session, stdout, query.At, query.Axis, input.DossierFlag, input.KindFlag, json, CancellationToken.None);
        Console.Error.WriteLine($"export: {written} documents");
        return true;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Api.Infrastructure;
using JasperFx.CommandLine;
using Marten;

namespace Archive.Api.Documents.TimeTravel;

public sealed class ShowInput : AsOfInput
{
    [Description("The document number, such as 2026D04632")]
    public string Number { get; set; } = "";
}

/// <summary>show &lt;nr&gt; --as-of &lt;date&gt;: the document as it stood then, as JSON, with the reason for the revision chosen.</summary>
[Description("Show a document as it stood at a moment", Name = "show")]
public sealed class ShowCommand : JasperFxAsyncCommand<ShowInput>
{
    public override Task<bool> Execute(ShowInput input) => CommandFaults.Guard("show", () => RunAsync(input));

    static async Task<bool> RunAsync(ShowInput input)
    {
        if (input.Query("show") is not { } query) return false;
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var answer = await DocumentTimeTravel.AtAsync(session, input.Number, query.At, query.Axis, CancellationToken.None);
        if (answer is not AsOfAnswer.Found found)
        {
            Console.Error.WriteLine("show: " + answer switch
            {
                AsOfAnswer.NotYet n => $"{input.Number} did not exist yet then; it first appears at {n.FirstAppears:yyyy-MM-ddTHH:mm:ssZ}",
                AsOfAnswer.Withdrawn w => $"{input.Number} was withdrawn then (at {w.Status.SourceUpdatedAt:yyyy-MM-ddTHH:mm:ssZ})",
                _ => $"the Archive has no document numbered '{input.Number}'",
            });
            return false;
        }
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
        Console.WriteLine(JsonSerializer.Serialize(DocumentAsOf.Of(found.Revision, query.At, query.Axis), json));
        return true;
    }
}

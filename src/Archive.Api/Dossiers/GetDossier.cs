using Archive.Api.Documents;
using Archive.Api.Documents.TimeTravel;
using Archive.Content.Documents;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.Dossiers;

/// <summary>A dossier as it stood at T: the documents that existed then, each in its revision at T.</summary>
public sealed record DossierAsOf(string Number, DateTimeOffset AsOf, Axis Axis, string? Title, IReadOnlyList<DossierDocument> Documents);

public static class GetDossierEndpoint
{
    [WolverineGet("/api/dossiers/{nr}", OperationId = "GetDossier")]
    [Tags("Dossiers"), EndpointSummary("A Kamerstukdossier and its documents by volgnummer, now or ?asOf=T&axis=source|recorded")]
    [ProducesResponseType<DossierView>(200), ProducesResponseType<DossierAsOf>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string nr, IQuerySession session, CancellationToken ct, string? asOf = null, string? axis = null)
    {
        if (await DossierView.LoadAsync(session, nr, ct) is not { } dossier)
            return Problems.Status(404, "Unknown dossier", $"The Archive knows no Kamerstukdossier '{nr}': neither a document in it nor the dossier itself.");
        if (asOf is null && axis is null) return Results.Ok(dossier);
        var query = TimeTravelQuery.Parse(asOf, axis);
        if (query.Problem is { } problem) return problem;
        var documents = await DossierTimeTravel.AtAsync(session, nr, query.At, query.Axis, ct);
        return documents.Count == 0
            ? Problems.Status(404, "Not yet in existence", $"Kamerstukdossier '{nr}' had no documents yet at {query.At:yyyy-MM-ddTHH:mm:ssZ} on the {query.Axis.ToString().ToLowerInvariant()} axis.")
            : Results.Ok(new DossierAsOf(nr, query.At, query.Axis, dossier.Title, documents));
    }
}

public static class DossierTimeTravel
{
    /// <summary>
    /// The documents whose revision at T names this dossier and that were not withdrawn at T.
    /// A few indexed queries for the whole dossier, whatever its size.
    /// </summary>
    public static async Task<IReadOnlyList<DossierDocument>> AtAsync(IQuerySession session, string number, DateTimeOffset at, Axis axis, CancellationToken ct)
    {
        var members = await session.Query<RevisionRecord>().Where(r => r.DossierNumber == number).Select(r => r.DocumentNumber).Distinct().ToListAsync(ct);
        var documents = (await DocumentTimeTravel.ManyAtAsync(session, members, at, axis, ct))
            .Where(r => r.DossierNumber == number)
            .Select(r => DossierDocument.Of(r.Metadata, r.Revision, r.SourceVersion, r.SourceUpdatedAt, r.RecordedAt, false))
            .ToList();
        documents.Sort(DossierDocument.BySequence);
        return documents;
    }
}

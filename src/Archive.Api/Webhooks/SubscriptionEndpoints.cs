using System.Security.Cryptography;
using Archive.Api.ChangeFeed;
using Archive.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Archive.Api.Webhooks;

public sealed record SubscribeRequest(string? Url, ChangeFilter? Filter);

public sealed record Subscribed(string Id, string Secret, string Url, ChangeFilter Filter);

public sealed record SubscriptionView(string Id, string Url, ChangeFilter Filter, DateTimeOffset CreatedAt, long Cursor, int Failures,
    DateTimeOffset? NextAttemptAt, bool DeadLettered, string? DisabledReason)
{
    public static SubscriptionView Of(Subscription s) => new(s.Id, Shown(s.Url), s.Filter, s.CreatedAt, s.Cursor, s.Failures, s.NextAttemptAt, s.DeadLettered, s.DisabledReason);

    /// <summary>The URL without credentials: subscriptions made before they were refused may still carry some.</summary>
    static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? uri.GetComponents(UriComponents.HttpRequestUrl | UriComponents.Fragment, UriFormat.UriEscaped)
            : url;
}

/// <summary>Webhook subscriptions. They name where the Archive will call, so every one of these needs the API key.</summary>
public static class SubscriptionEndpoints
{
    public static ProblemDetails Before(HttpContext context, IOptions<ArchiveOptions> options) => ApiKeyCheck.Verify(context, options);

    [WolverinePost("/api/subscriptions", OperationId = "Subscribe")]
    [Tags("Webhooks"), EndpointSummary("Subscribe a URL to the changes (filter: dossier, kind, document, zaak, q: a search query); answers the signing secret, once")]
    [ProducesResponseType<Subscribed>(201), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Subscribe(SubscribeRequest request, IDocumentSession session, IOptions<ArchiveOptions> options, HostResolver dns,
        TimeProvider clock, CancellationToken ct)
    {
        if (await TargetCheck.ProblemAsync(request.Url, options.Value.Webhooks.AllowLoopback, dns, ct) is { } problem)
            return Problems.Status(400, "Target refused", $"The subscription was not made: {problem}.");
        if (request.Filter?.Problem() is { } filter)
            return Problems.Status(400, "Invalid filter", $"The subscription was not made: {filter}.");
        var latest = await session.Query<ChangeRecord>().OrderByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(ct);
        var subscription = new Subscription
        {
            Id = "sub_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Url = request.Url!,
            Filter = request.Filter ?? new ChangeFilter(null, null, null),
            Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            CreatedAt = clock.GetUtcNow(),
            Cursor = latest,
        };
        session.Store(subscription);
        await session.SaveChangesAsync(ct);
        return Results.Created($"/api/subscriptions/{subscription.Id}", new Subscribed(subscription.Id, subscription.Secret, subscription.Url, subscription.Filter));
    }

    [WolverineGet("/api/subscriptions", OperationId = "Subscriptions")]
    [Tags("Webhooks"), EndpointSummary("Every subscription and how far its deliveries have come (secrets are never shown again)")]
    public static async Task<IReadOnlyList<SubscriptionView>> List(IQuerySession session, CancellationToken ct) =>
        (await session.Query<Subscription>().OrderBy(s => s.CreatedAt).ToListAsync(ct)).Select(SubscriptionView.Of).ToList();

    [WolverineGet("/api/subscriptions/{id}/deliveries", OperationId = "Deliveries")]
    [Tags("Webhooks"), EndpointSummary("The delivery log of a subscription, newest first")]
    public static async Task<IResult> Deliveries(string id, IQuerySession session, CancellationToken ct, int limit = 100) =>
        await session.LoadAsync<Subscription>(id, ct) is null
            ? Unknown(id)
            : Results.Ok(await session.Query<DeliveryRecord>().Where(d => d.SubscriptionId == id)
                .OrderByDescending(d => d.AttemptedAt).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct));

    [WolverineDelete("/api/subscriptions/{id}", OperationId = "Unsubscribe")]
    [Tags("Webhooks"), EndpointSummary("Remove a subscription")]
    public static async Task<IResult> Delete(string id, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Subscription>(id, ct) is null) return Unknown(id);
        session.Delete<Subscription>(id);
        session.DeleteWhere<RedeliveryJob>(j => j.SubscriptionId == id);
        await session.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    internal static IResult Unknown(string id) => Problems.Status(404, "Unknown subscription", $"There is no subscription '{id}'.");
}

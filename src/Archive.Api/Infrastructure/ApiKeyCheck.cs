using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Archive.Api.Infrastructure;

/// <summary>Writes need the configured API key as a bearer token; reads are public.</summary>
public static class ApiKeyCheck
{
    public static ProblemDetails Verify(HttpContext context, IOptions<ArchiveOptions> options)
    {
        var expected = options.Value.ApiKey ?? "";
        var given = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (expected.Length > 0 && given.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(expected)))
            return WolverineContinue.NoProblems;

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "API key required",
            Detail = given.Length == 0
                ? "This is a write: send the Archive's API key as 'Authorization: Bearer <key>'."
                : "The API key in the Authorization header is not the Archive's.",
        };
    }
}

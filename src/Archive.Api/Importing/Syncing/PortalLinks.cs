namespace Archive.Api.Importing.Syncing;

/// <summary>
/// Which links of the feed the sync follows (next pages, files, redirects): absolute http(s) URLs
/// without credentials on the portal's own host and port (the base URL's) or on one of
/// Archive:Sync:AllowedHosts. The feed is the portal's word, not the operator's: a link anywhere
/// else (another host, a port of the same machine, file:, gopher:) is not followed.
/// </summary>
public sealed class PortalLinks(Uri portal, IReadOnlyList<string> allowedHosts)
{
    const int Shown = 200;

    /// <summary>Why the sync does not follow this link, or null when it does.</summary>
    public string? Problem(string link)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"the link '{Printable(link)}' is not an absolute http(s) URL";
        if (uri.UserInfo.Length > 0) return $"the link to {uri.Host} carries credentials";
        if (Same(uri, portal.Host, portal.Port) || allowedHosts.Any(entry => Allows(entry, uri))) return null;
        return $"the link '{Printable(link)}' leads off the portal ({portal.Authority}) to {uri.Authority}, which is not in Archive:Sync:AllowedHosts";
    }

    /// <summary>"host" allows the default port of the link's scheme; "host:port" that port only.</summary>
    static bool Allows(string entry, Uri link) =>
        Uri.TryCreate("host://" + entry, UriKind.Absolute, out var allowed) && allowed.Host.Length > 0
        && (allowed.Port == -1 ? link.IsDefaultPort && Same(link, allowed.Host, link.Port) : Same(link, allowed.Host, allowed.Port));

    static bool Same(Uri link, string host, int port) => string.Equals(link.Host, host, StringComparison.OrdinalIgnoreCase) && link.Port == port;

    /// <summary>A link as a one-line reason can show it: the feed may put anything there.</summary>
    public static string Printable(string link)
    {
        var clean = new string(link.Take(Shown).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return link.Length > Shown ? clean + "…" : clean;
    }
}

using Archive.Api;
using Archive.Api.Importing.Syncing;
using Microsoft.Extensions.Configuration;

namespace Archive.Tests.Outbound;

public class when_following_the_portals_links
{
    static readonly PortalLinks Links = new(new Uri("http://127.0.0.1:5111/SyncFeed/2.0"), ["files.example", "mirror.example:8443"]);

    [Theory]
    [InlineData("http://127.0.0.1:5111/SyncFeed/2.0/Feed?category=Document&skiptoken=2")]
    [InlineData("https://files.example/Resources/1")]
    [InlineData("http://files.example/Resources/1")]
    [InlineData("https://MIRROR.example:8443/Resources/1")]
    public void links_on_the_portals_host_or_an_allowed_one_are_followed(string link) => Assert.Null(Links.Problem(link));

    [Theory]
    [InlineData("file:///etc/passwd", "not an absolute http(s) URL")]
    [InlineData("gopher://127.0.0.1:5111/", "not an absolute http(s) URL")]
    [InlineData("/SyncFeed/2.0/Feed?category=Document", "not an absolute http(s) URL")]
    [InlineData("http://evil.example/Feed", "leads off the portal (127.0.0.1:5111) to evil.example")]
    [InlineData("http://127.0.0.1:5432/", "leads off the portal (127.0.0.1:5111) to 127.0.0.1:5432")]
    [InlineData("https://files.example:444/Resources/1", "to files.example:444")]
    [InlineData("https://mirror.example/Resources/1", "to mirror.example")]
    [InlineData("http://user:pass@127.0.0.1:5111/SyncFeed/2.0/Feed", "carries credentials")]
    public void any_other_link_is_not(string link, string reason) => Assert.Contains(reason, Links.Problem(link));

    [Fact]
    public void a_link_is_shown_on_one_line_and_not_at_any_length() =>
        Assert.Equal("http://a/?b" + new string('x', 189) + "…", PortalLinks.Printable("http://a/\nb" + new string('x', 500)));

    [Theory]
    [InlineData("Archive:Sync:AllowedHosts", "files.example, mirror.example:8443")]
    [InlineData("Archive:Sync:AllowedHosts:0", "files.example")]
    public void allowed_hosts_are_configured_comma_separated_or_as_an_array(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.EndsWith(":0")) settings["Archive:Sync:AllowedHosts:1"] = "mirror.example:8443";
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Archive").Get<ArchiveOptions>()!;
        Assert.Equal(["files.example", "mirror.example:8443"], options.Sync.AllowedHostList);
    }
}

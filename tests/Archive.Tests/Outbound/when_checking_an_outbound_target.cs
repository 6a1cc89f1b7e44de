using System.Net;
using Archive.Api.Webhooks;

namespace Archive.Tests.Outbound;

public class when_checking_an_outbound_target
{
    [Theory]
    [InlineData("::", "unspecified")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("127.1.2.3", "loopback")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("100.64.0.1", "shared (carrier-grade NAT)")]
    [InlineData("2002:a00:1::", "private")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("::10.0.0.1", "private")]
    [InlineData("fd00::1", "private")]
    [InlineData("fe80::1", "link-local")]
    public void an_address_outside_the_public_internet_is_refused(string address, string range) =>
        Assert.Equal(range, TargetCheck.Refused(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2002:5db8:d822::")]
    public void a_public_address_is_allowed(string address) =>
        Assert.Null(TargetCheck.Refused(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void loopback_is_allowed_only_when_asked(string address) =>
        Assert.Null(TargetCheck.Refused(IPAddress.Parse(address), allowLoopback: true));

    [Fact]
    public void loopback_allowed_still_refuses_the_unspecified_address() =>
        Assert.Equal("unspecified", TargetCheck.Refused(IPAddress.IPv6Any, allowLoopback: true));

    [Theory]
    [InlineData("http://user:secret@example.org/hook", "credentials")]
    [InlineData("https://token@example.org/hook", "credentials")]
    [InlineData("gopher://example.org/", "not an absolute http(s) URL")]
    [InlineData("file:///etc/passwd", "not an absolute http(s) URL")]
    public void a_url_with_credentials_or_another_scheme_is_refused_before_any_lookup(string url, string reason) =>
        Assert.Contains(reason, TargetCheck.UrlProblem(url));
}

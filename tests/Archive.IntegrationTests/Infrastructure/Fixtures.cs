using System.Text;

namespace Archive.IntegrationTests.Infrastructure;

public static class Fixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
    public static byte[] Bytes(string name) => Encoding.UTF8.GetBytes(Text(name));
    public static string V1 => Text("2026D04632-v1.txt");
    public static string V2 => Text("2026D04632-v2.txt");
}

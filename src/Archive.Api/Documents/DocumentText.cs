namespace Archive.Api.Documents;

/// <summary>A normalised body, stored once under its SHA-256 and never changed (DESIGN decision 4).</summary>
public sealed record DocumentText(string Id, string Text);

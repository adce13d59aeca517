namespace SupportFlow.Common;

/// <summary>Field length limits, shared by validation and the database schema so the two never disagree.</summary>
public static class Limits
{
    public const int Login = 64;
    public const int Name = 100;
    public const int Email = 254;
    public const int Phone = 40;
    public const int Title = 200;
    public const int Description = 10_000;
    public const int Impact = 1_000;
    public const int Note = 10_000;
    public const int Reason = 1_000;
    public const int Password = 128;
    public const int FileName = 200;
    public const int Url = 2_000;
    public const int ArticleBody = 100_000;
    public const int Tag = 50;
    public const int Host = 253;
    public const int MessageId = 998;

    /// <summary>The years a period (from, to) may name: a year 9999 would overflow the day arithmetic, and no ticket is older than 2000.</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
}

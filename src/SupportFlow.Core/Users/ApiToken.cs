using System.Security.Cryptography;
using System.Text;

namespace SupportFlow.Users;

/// <summary>
/// A personal API token. Only its SHA-256 is stored: the token itself is shown once, when made.
/// A hash (not a password hash) is right here because tokens are long random secrets.
/// </summary>
public sealed class ApiToken
{
    private const string Prefix = "sf_";

    private ApiToken()
    {
    }

    private ApiToken(int userId, string name, string hash, DateTimeOffset createdAt)
    {
        UserId = userId;
        Name = name;
        Hash = hash;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int UserId { get; private set; }

    public User? User { get; private set; }

    public string Name { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Makes a new token; returns the entity to store and the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Create(int userId, string name, DateTimeOffset now)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken(userId, name, HashOf(secret), now), secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

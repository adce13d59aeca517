using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SupportFlow.Intake;

/// <summary>
/// How each chat platform signs (and WeCom / Feishu encrypt) what its bot sends, as published
/// by the platforms. Pure functions: the webhook endpoint compares with fixed-time equality.
/// </summary>
public static class ChatSignatures
{
    /// <summary>DingTalk: Base64(HmacSHA256(appSecret, timestamp + "\n" + appSecret)), timestamp in milliseconds.</summary>
    public static string DingTalk(string appSecret, string timestamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes($"{timestamp}\n{appSecret}")));

    /// <summary>Feishu / Lark: hex(SHA256(timestamp + nonce + encryptKey + body)) in X-Lark-Signature.</summary>
    public static string Feishu(string timestamp, string nonce, string encryptKey, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(timestamp + nonce + encryptKey + body)));

    /// <summary>Feishu / Lark encrypted events: AES-256-CBC, key SHA256(encryptKey), the IV leading the Base64 text.</summary>
    public static string FeishuDecrypt(string encryptKey, string encrypted)
    {
        var data = Convert.FromBase64String(encrypted);
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        return Encoding.UTF8.GetString(aes.DecryptCbc(data.AsSpan(16), data.AsSpan(0, 16), PaddingMode.PKCS7));
    }

    public static string FeishuEncrypt(string encryptKey, string plain)
    {
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        var iv = RandomNumberGenerator.GetBytes(16);
        return Convert.ToBase64String([.. iv, .. aes.EncryptCbc(Encoding.UTF8.GetBytes(plain), iv, PaddingMode.PKCS7)]);
    }

    /// <summary>WeCom: hex(SHA1 of token, timestamp, nonce and the encrypted text, sorted and joined)) as msg_signature.</summary>
    public static string WeCom(string token, string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // WeCom's published signature is SHA-1; we verify what the platform sends.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
    }

    /// <summary>
    /// WeCom's message encryption: AES-256-CBC with key Base64(EncodingAESKey + "="), IV its first
    /// 16 bytes, PKCS#7 padding to 32 bytes, over random(16) + length(4, big-endian) + message + receiver id.
    /// </summary>
    public static string WeComDecrypt(string encodingAesKey, string encrypted)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(Convert.FromBase64String(encrypted), key.AsSpan(0, 16), PaddingMode.None);
        var pad = plain[^1];
        if (pad is < 1 or > 32)
        {
            throw new CryptographicException("Bad WeCom padding.");
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        var length = BinaryPrimitives.ReadInt32BigEndian(content.Slice(16, 4));
        if (length < 0 || 20 + length > content.Length)
        {
            throw new CryptographicException("Bad WeCom message length.");
        }

        return Encoding.UTF8.GetString(content.Slice(20, length));
    }

    public static string WeComEncrypt(string encodingAesKey, string message, string receiverId)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var body = Encoding.UTF8.GetBytes(message);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        byte[] content = [.. RandomNumberGenerator.GetBytes(16), .. length, .. body, .. Encoding.UTF8.GetBytes(receiverId)];
        var pad = 32 - (content.Length % 32);
        byte[] padded = [.. content, .. Enumerable.Repeat((byte)pad, pad)];
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(padded, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Generic: hex(HmacSHA256(secret, timestamp + "." + body)), sent as "sha256=..." in X-SupportFlow-Signature.</summary>
    public static string Generic(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static bool Same(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}

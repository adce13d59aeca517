using SupportFlow.Intake;

namespace SupportFlow.Tests.Intake;

/// <summary>
/// Each platform's signature and encryption, checked against values computed independently
/// (Python's hmac, hashlib and cryptography libraries) from the platforms' published algorithms.
/// </summary>
public sealed class ChatSignaturesTests
{
    [Fact]
    public void DingTalkSignsTimestampNewlineSecretWithHmacSha256InBase64() =>
        Assert.Equal("YF+tjMPoyQutV5yPsp8U0joPdh1envx4ZpaePdSgWng=", ChatSignatures.DingTalk("SECtest", "1779258600000"));

    [Fact]
    public void FeishuSignsTimestampNonceKeyAndBodyWithSha256InHex() =>
        Assert.Equal("1d7e55a0a49c6b684935593031779821d13e9d1b2ab0201230a70ff757609185",
            ChatSignatures.Feishu("1779258600", "abc", "key", "{\"a\":1}"));

    [Fact]
    public void WeComSignsTheSortedPartsWithSha1InHex() =>
        Assert.Equal("b3a4bd295d9291af313d11eb8a9759f78a17cfff", ChatSignatures.WeCom("tok", "123", "n", "ENC"));

    [Fact]
    public void TheGenericFormatSignsTimestampDotBodyWithHmacSha256InHex() =>
        Assert.Equal("e9232c9945da8456c2dea6b39da7786c07b00bca7a64d5dd1283674713a7b72a", ChatSignatures.Generic("s", "1700000000", "{}"));

    [Fact]
    public void AWeComMessageEncryptedElsewhereIsDecrypted()
    {
        const string aesKey = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA";
        Assert.Equal("<xml><Content>你好</Content></xml>", ChatSignatures.WeComDecrypt(aesKey,
            "Al31VOORMRWx6emIpmL5qpJl9y6ofvTyR0aKfLvVdewp2uvANHCGh7aLqWuf3Ldiqd4BkjldK99BaIQdTb0QsA=="));
        Assert.Equal("回复", ChatSignatures.WeComDecrypt(aesKey, ChatSignatures.WeComEncrypt(aesKey, "回复", "corp1")));
    }

    [Fact]
    public void AFeishuEventEncryptedElsewhereIsDecrypted()
    {
        Assert.Equal("{\"challenge\":\"c1\"}",
            ChatSignatures.FeishuDecrypt("feishu-key", "ZmVkY2JhOTg3NjU0MzIxMGBCw+5+FQNWNbXxjvDKKZnI2wj4SGgWGqrdGLAe5u1Y"));
        Assert.Equal("事件", ChatSignatures.FeishuDecrypt("k", ChatSignatures.FeishuEncrypt("k", "事件")));
    }

    [Theory]
    [InlineData("#20260520-001 还是不行", "20260520-001")]
    [InlineData("工单 #20260520-1000 更新", "20260520-1000")]
    [InlineData("[#20260520-002] again", "20260520-002")]
    [InlineData("order 20260520-001", null)]
    [InlineData("a#20260520-001", null)]
    public void AChatMessageNamesItsTicketWithAHash(string text, string? number) => Assert.Equal(number, TicketTag.FindInChat(text));
}

using SupportFlow.Common;

namespace SupportFlow.Tests.Common;

public sealed class TextSimilarityTests
{
    [Fact]
    public void ChineseBecomesCharacterPairsAndEnglishLowerCaseWords()
    {
        Assert.Equal(["打印", "印机", "机卡", "卡纸", "paper", "jam", "3"],
            TextSimilarity.Tokens("打印机卡纸 Paper-JAM 3"));
    }

    [Fact]
    public void ALoneChineseCharacterIsAToken()
    {
        Assert.Equal(["纸", "a4"], TextSimilarity.Tokens("纸, A4"));
    }

    [Fact]
    public void FullWidthCharactersMatchTheirHalfWidthForms()
    {
        Assert.Equal(TextSimilarity.Tokens("VPN 2"), TextSimilarity.Tokens("ＶＰＮ　２"));
    }

    [Fact]
    public void DiceIsOneForTheSameTextAndZeroForNothingInCommon()
    {
        var a = TextSimilarity.Tokens("会议室打印机卡纸");
        Assert.Equal(1.0, TextSimilarity.Dice(a, TextSimilarity.Tokens("会议室打印机卡纸")));
        Assert.Equal(0.0, TextSimilarity.Dice(a, TextSimilarity.Tokens("邮箱满了")));
        Assert.Equal(0.0, TextSimilarity.Dice(a, TextSimilarity.Tokens("")));
    }

    [Fact]
    public void ContainmentSaysHowMuchOfTheQueryTheDocumentHas()
    {
        var document = TextSimilarity.Tokens("会议室打印机卡纸怎么办");
        Assert.Equal(1.0, TextSimilarity.Containment(TextSimilarity.Tokens("打印机卡纸"), document));
        Assert.Equal(0.5, TextSimilarity.Containment(TextSimilarity.Tokens("打印机坏了"), document), 3);
    }
}

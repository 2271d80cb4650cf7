using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Edge.Replies;

/// <summary>
/// An <c>expectReplies</c> answer (<see cref="ExpectedReplies"/> of plain <see cref="Activity"/> objects) written
/// straight as UTF-8, the same bytes the SDK's Newtonsoft serializer gives with <see cref="ConnectorReplyJson"/>'s
/// settings: every property in the SDK contract's order (extension data last), C# nulls left out, tokens
/// (channelData, values, extension data) as they are, strings escaped as Newtonsoft's default escaping does
/// (control characters, quote, backslash, U+0085, U+2028, U+2029; <c>\u</c> in lower-case hex), numbers and dates
/// through <see cref="JsonConvert"/>. What it does not know (another body, an SDK subclass such as a Teams account, an
/// attachment that is neither a hero card nor a token, reactions, semantic actions, text highlights, a date or
/// big-integer token...) makes <see cref="TryWrite"/> return false with nothing written, and the caller serializes.
/// The bytes are built in a buffer kept per thread and copied into the output once. Tests compare it with the
/// serializer byte for byte (<c>ActivityJsonWriterTests</c>).
/// </summary>
internal sealed class ActivityJsonWriter
{
    /// <summary>A buffer kept per thread beyond this size is dropped (a rare huge body is not kept).</summary>
    private const int MaxKeptBytes = 64 * 1024;

    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"
        + "\"\\\u0085\u2028\u2029");

    [ThreadStatic]
    private static ActivityJsonWriter? t_kept;

    private byte[] _buffer = new byte[8 * 1024];
    private int _length;

    /// <summary>True while nothing has been written in the object or array being written.</summary>
    private bool _first;

    /// <summary>
    /// Writes <paramref name="body"/> into <paramref name="output"/> when it is an answer this writer knows entirely;
    /// otherwise writes nothing and returns false.
    /// </summary>
    public static bool TryWrite(object body, IBufferWriter<byte> output)
    {
        var writer = t_kept ?? new ActivityJsonWriter();
        t_kept = null;
        try
        {
            writer._length = 0;
            if (!writer.Body(body))
            {
                return false;
            }

            output.Write(writer._buffer.AsSpan(0, writer._length));
            return true;
        }
        finally
        {
            if (writer._buffer.Length <= MaxKeptBytes)
            {
                t_kept = writer;
            }
        }
    }

    private bool Body(object body)
    {
        if (body.GetType() != typeof(ExpectedReplies))
        {
            return false;
        }

        var activities = ((ExpectedReplies)body).Activities;
        StartObject();
        if (activities is not null)
        {
            Name("activities"u8);
            StartArray();
            for (var i = 0; i < activities.Count; i++)
            {
                var activity = activities[i];
                Comma();
                if (!Activity(activity))
                {
                    return false;
                }
            }

            EndArray();
        }

        EndObject();
        return true;
    }

    private bool Activity(Activity? a)
    {
        if (a is null)
        {
            Null();
            return true;
        }

        if (a.GetType() != typeof(Activity) || a.ReactionsAdded is not null || a.ReactionsRemoved is not null
            || a.RelatesTo is not null || a.TextHighlights is not null || a.SemanticAction is not null)
        {
            return false;
        }

        StartObject();
        String("type"u8, a.Type);
        String("id"u8, a.Id);
        Date("timestamp"u8, a.Timestamp);
        Date("localTimestamp"u8, a.LocalTimestamp);
        String("localTimezone"u8, a.LocalTimezone);
        String("serviceUrl"u8, a.ServiceUrl);
        String("channelId"u8, a.ChannelId);
        if (!Account("from"u8, a.From)
            || !Conversation(a.Conversation)
            || !Account("recipient"u8, a.Recipient))
        {
            return false;
        }

        String("textFormat"u8, a.TextFormat);
        String("attachmentLayout"u8, a.AttachmentLayout);
        if (!Accounts("membersAdded"u8, a.MembersAdded) || !Accounts("membersRemoved"u8, a.MembersRemoved))
        {
            return false;
        }

        String("topicName"u8, a.TopicName);
        Boolean("historyDisclosed"u8, a.HistoryDisclosed);
        String("locale"u8, a.Locale);
        String("text"u8, a.Text);
        String("speak"u8, a.Speak);
        String("inputHint"u8, a.InputHint);
        String("summary"u8, a.Summary);
        if (!Suggested(a.SuggestedActions) || !Attachments(a.Attachments) || !Entities(a.Entities)
            || !Value("channelData"u8, a.ChannelData))
        {
            return false;
        }

        String("action"u8, a.Action);
        String("replyToId"u8, a.ReplyToId);
        String("label"u8, a.Label);
        String("valueType"u8, a.ValueType);
        if (!Value("value"u8, a.Value))
        {
            return false;
        }

        String("name"u8, a.Name);
        String("code"u8, a.Code);
        Date("expiration"u8, a.Expiration);
        String("importance"u8, a.Importance);
        String("deliveryMode"u8, a.DeliveryMode);
        Strings("listenFor"u8, a.ListenFor);
        String("callerId"u8, a.CallerId);
        if (!ExtensionData(a.Properties))
        {
            return false;
        }

        EndObject();
        return true;
    }

    private bool Account(ReadOnlySpan<byte> name, ChannelAccount? account)
    {
        if (account is null)
        {
            return true;
        }

        Name(name);
        return AccountValue(account);
    }

    private bool AccountValue(ChannelAccount? account)
    {
        if (account is null)
        {
            Null();
            return true;
        }

        if (account.GetType() != typeof(ChannelAccount))
        {
            return false;
        }

        StartObject();
        String("id"u8, account.Id);
        String("name"u8, account.Name);
        String("aadObjectId"u8, account.AadObjectId);
        String("role"u8, account.Role);
        if (!ExtensionData(account.Properties))
        {
            return false;
        }

        EndObject();
        return true;
    }

    private bool Accounts(ReadOnlySpan<byte> name, IList<ChannelAccount>? accounts)
    {
        if (accounts is null)
        {
            return true;
        }

        Name(name);
        StartArray();
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            Comma();
            if (!AccountValue(account))
            {
                return false;
            }
        }

        EndArray();
        return true;
    }

    private bool Conversation(ConversationAccount? conversation)
    {
        if (conversation is null)
        {
            return true;
        }

        if (conversation.GetType() != typeof(ConversationAccount))
        {
            return false;
        }

        Name("conversation"u8);
        StartObject();
        Boolean("isGroup"u8, conversation.IsGroup);
        String("conversationType"u8, conversation.ConversationType);
        String("id"u8, conversation.Id);
        String("name"u8, conversation.Name);
        String("aadObjectId"u8, conversation.AadObjectId);
        String("role"u8, conversation.Role);
        String("tenantId"u8, conversation.TenantId);
        if (!ExtensionData(conversation.Properties))
        {
            return false;
        }

        EndObject();
        return true;
    }

    private bool Suggested(SuggestedActions? suggested)
    {
        if (suggested is null)
        {
            return true;
        }

        if (suggested.GetType() != typeof(SuggestedActions))
        {
            return false;
        }

        Name("suggestedActions"u8);
        StartObject();
        Strings("to"u8, suggested.To);
        if (!Actions("actions"u8, suggested.Actions))
        {
            return false;
        }

        EndObject();
        return true;
    }

    private bool Actions(ReadOnlySpan<byte> name, IList<CardAction>? actions)
    {
        if (actions is null)
        {
            return true;
        }

        Name(name);
        StartArray();
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            Comma();
            if (!ActionValue(action))
            {
                return false;
            }
        }

        EndArray();
        return true;
    }

    private bool Action(ReadOnlySpan<byte> name, CardAction? action)
    {
        if (action is null)
        {
            return true;
        }

        Name(name);
        return ActionValue(action);
    }

    private bool ActionValue(CardAction? action)
    {
        if (action is null)
        {
            Null();
            return true;
        }

        if (action.GetType() != typeof(CardAction))
        {
            return false;
        }

        StartObject();
        String("type"u8, action.Type);
        String("title"u8, action.Title);
        String("image"u8, action.Image);
        String("text"u8, action.Text);
        String("displayText"u8, action.DisplayText);
        if (!Value("value"u8, action.Value) || !Value("channelData"u8, action.ChannelData))
        {
            return false;
        }

        String("imageAltText"u8, action.ImageAltText);
        EndObject();
        return true;
    }

    private bool Attachments(IList<Attachment>? attachments)
    {
        if (attachments is null)
        {
            return true;
        }

        Name("attachments"u8);
        StartArray();
        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i];
            Comma();
            if (attachment is null)
            {
                Null();
                continue;
            }

            if (attachment.GetType() != typeof(Attachment))
            {
                return false;
            }

            StartObject();
            String("contentType"u8, attachment.ContentType);
            String("contentUrl"u8, attachment.ContentUrl);
            if (!Content(attachment.Content))
            {
                return false;
            }

            String("name"u8, attachment.Name);
            String("thumbnailUrl"u8, attachment.ThumbnailUrl);
            if (!ExtensionData(attachment.Properties))
            {
                return false;
            }

            EndObject();
        }

        EndArray();
        return true;
    }

    private bool Content(object? content)
    {
        if (content is not HeroCard card)
        {
            return Value("content"u8, content);
        }

        if (card.GetType() != typeof(HeroCard))
        {
            return false;
        }

        Name("content"u8);
        StartObject();
        String("title"u8, card.Title);
        String("subtitle"u8, card.Subtitle);
        String("text"u8, card.Text);
        if (card.Images is { } images)
        {
            Name("images"u8);
            StartArray();
            for (var i = 0; i < images.Count; i++)
            {
                var image = images[i];
                Comma();
                if (image is null)
                {
                    Null();
                    continue;
                }

                if (image.GetType() != typeof(CardImage))
                {
                    return false;
                }

                StartObject();
                String("url"u8, image.Url);
                String("alt"u8, image.Alt);
                if (!Action("tap"u8, image.Tap))
                {
                    return false;
                }

                EndObject();
            }

            EndArray();
        }

        if (!Actions("buttons"u8, card.Buttons) || !Action("tap"u8, card.Tap))
        {
            return false;
        }

        EndObject();
        return true;
    }

    private bool Entities(IList<Entity>? entities)
    {
        if (entities is null)
        {
            return true;
        }

        Name("entities"u8);
        StartArray();
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            Comma();
            if (entity is null)
            {
                Null();
                continue;
            }

            if (entity.GetType() != typeof(Entity))
            {
                return false;
            }

            StartObject();
            String("type"u8, entity.Type);
            if (!ExtensionData(entity.Properties))
            {
                return false;
            }

            EndObject();
        }

        EndArray();
        return true;
    }

    /// <summary>An <c>object</c> property: left out when null; a token or a string as it is; anything else unknown.</summary>
    private bool Value(ReadOnlySpan<byte> name, object? value)
    {
        switch (value)
        {
            case null:
                return true;
            case string text:
                Name(name);
                StringValue(text);
                return true;
            case JToken token:
                Name(name);
                return Token(token);
            default:
                return false;
        }
    }

    /// <summary>[JsonExtensionData]: every property of the object, after the declared ones, as Newtonsoft writes it.</summary>
    private bool ExtensionData(JObject? data)
    {
        if (data is null || data.Count == 0)
        {
            return true;
        }

        for (var property = (JProperty?)data.First; property is not null; property = (JProperty?)property.Next)
        {
            Comma();
            StringValue(property.Name);
            Raw((byte)':');
            if (!Token(property.Value))
            {
                return false;
            }
        }

        return true;
    }

    private bool Token(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                StartObject();
                for (var property = (JProperty?)obj.First; property is not null; property = (JProperty?)property.Next)
                {
                    Comma();
                    StringValue(property.Name);
                    Raw((byte)':');
                    if (!Token(property.Value))
                    {
                        return false;
                    }
                }

                EndObject();
                return true;
            case JArray array:
                StartArray();
                for (var item = array.First; item is not null; item = item.Next)
                {
                    Comma();
                    if (!Token(item))
                    {
                        return false;
                    }
                }

                EndArray();
                return true;
            case JValue value when value.GetType() == typeof(JValue):
                return Scalar(value);
            default:
                return false;
        }
    }

    private bool Scalar(JValue value)
    {
        switch (value.Type)
        {
            case JTokenType.Null:
                Null();
                return true;
            case JTokenType.Boolean:
                Ascii((bool)value.Value! ? "true" : "false");
                return true;
            case JTokenType.String:
                StringValue((string)value.Value!);
                return true;
            case JTokenType.Integer when value.Value is long or int or short or sbyte or byte or ushort or uint or ulong:
                Ascii(((IFormattable)value.Value).ToString(null, CultureInfo.InvariantCulture));
                return true;
            case JTokenType.Float when value.Value is double number && double.IsFinite(number):
                Ascii(JsonConvert.ToString(number));
                return true;
            default:
                return false;
        }
    }

    private void String(ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            return;
        }

        Name(name);
        StringValue(value);
    }

    private void Strings(ReadOnlySpan<byte> name, IList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        Name(name);
        StartArray();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            Comma();
            if (value is null)
            {
                Ascii("null");
            }
            else
            {
                StringValue(value);
            }
        }

        EndArray();
    }

    private void Boolean(ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } flag)
        {
            Name(name);
            Ascii(flag ? "true" : "false");
        }
    }

    /// <summary>Newtonsoft's ISO date of a DateTimeOffset (its writer and JsonConvert share the formatting).</summary>
    private void Date(ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            Name(name);
            Ascii(JsonConvert.ToString(date));
        }
    }

    private void StringValue(string text)
    {
        Raw((byte)'"');
        var rest = text.AsSpan();
        while (true)
        {
            var next = rest.IndexOfAny(Escaped);
            Utf8(next < 0 ? rest : rest[..next]);
            if (next < 0)
            {
                break;
            }

            Escape(rest[next]);
            rest = rest[(next + 1)..];
        }

        Raw((byte)'"');
    }

    private void Escape(char c)
    {
        switch (c)
        {
            case '\t': Ascii("\\t"); break;
            case '\n': Ascii("\\n"); break;
            case '\r': Ascii("\\r"); break;
            case '\f': Ascii("\\f"); break;
            case '\b': Ascii("\\b"); break;
            case '\\': Ascii("\\\\"); break;
            case '"': Ascii("\\\""); break;
            default:
                Span<char> hex = ['\\', 'u', Hex(c >> 12), Hex(c >> 8), Hex(c >> 4), Hex(c)];
                Ascii(hex);
                break;
        }
    }

    /// <summary>Lower-case, as Newtonsoft's <c>MathUtils.IntToHex</c>.</summary>
    private static char Hex(int n) => (n & 0xF) is var d && d <= 9 ? (char)('0' + d) : (char)('a' + d - 10);

    private void Null() => Ascii("null");

    /// <summary>A member of the object being written: a comma unless it is the first, then <c>"name":</c>.</summary>
    private void Name(ReadOnlySpan<byte> name)
    {
        Comma();
        Ensure(name.Length + 3);
        _buffer[_length++] = (byte)'"';
        name.CopyTo(_buffer.AsSpan(_length));
        _length += name.Length;
        _buffer[_length++] = (byte)'"';
        _buffer[_length++] = (byte)':';
    }

    /// <summary>A comma before every member or item but the first; values written by the callers end the "first" state.</summary>
    private void Comma()
    {
        if (!_first)
        {
            Raw((byte)',');
        }

        _first = false;
    }

    private void StartObject()
    {
        Raw((byte)'{');
        _first = true;
    }

    private void EndObject()
    {
        Raw((byte)'}');
        _first = false;
    }

    private void StartArray()
    {
        Raw((byte)'[');
        _first = true;
    }

    private void EndArray()
    {
        Raw((byte)']');
        _first = false;
    }

    private void Raw(byte b)
    {
        Ensure(1);
        _buffer[_length++] = b;
    }

    private void Ascii(ReadOnlySpan<char> text)
    {
        Ensure(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            _buffer[_length++] = (byte)text[i];
        }
    }

    private void Utf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}

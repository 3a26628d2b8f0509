import type { Mistral } from '@mistralai/mistralai';
import { createMistralClient, type MistralConnection } from './mistral-client.js';
import type { ChatModel, ChatRequest } from '../../services/ports.js';

export interface MistralChatSettings extends MistralConnection {
  model: string;
}

type Content = string | { type?: string; text?: string }[] | null | undefined;

/** Mistral returns content as a string or as typed chunks; only the text chunks are the reply. */
const textOf = (content: Content) => (typeof content === 'string' ? content : (content ?? []).map((c) => (c.type === 'text' || c.type === undefined ? (c.text ?? '') : '')).join(''));

/** Chat completions from Mistral (EU), plain or streamed, through the official SDK. */
export class MistralChat implements ChatModel {
  /** Loading already when the adapter is made (a key is set), awaited at the first request. */
  readonly #client: Promise<Mistral>;

  constructor(private readonly settings: MistralChatSettings) {
    this.#client = createMistralClient(settings);
    // A failed load is reported by the first request that awaits it, not as an unhandled rejection.
    this.#client.catch(() => {});
  }

  #body(request: ChatRequest) {
    return {
      model: this.settings.model,
      messages: request.messages,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { maxTokens: request.maxTokens } : {}),
      ...(request.json ? { responseFormat: { type: 'json_object' as const } } : {}),
    };
  }

  async complete(request: ChatRequest) {
    const res = await (await this.#client).chat.complete(this.#body(request), { signal: request.signal });
    return {
      text: textOf(res.choices[0]?.message?.content as Content),
      promptTokens: res.usage?.promptTokens ?? 0,
      completionTokens: res.usage?.completionTokens ?? 0,
    };
  }

  async *stream(request: ChatRequest): AsyncIterable<string> {
    const events = await (await this.#client).chat.stream(this.#body(request), { signal: request.signal });
    for await (const event of events) {
      const usage = event.data.usage;
      if (usage) request.onUsage?.({ promptTokens: usage.promptTokens ?? 0, completionTokens: usage.completionTokens ?? 0 });
      const piece = textOf(event.data.choices[0]?.delta?.content as Content);
      if (piece) yield piece;
    }
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bilingual, CaseCause, PoaQuestion } from '../../common/index.js';
import { CASE_CAUSES, POA_PARTS } from '../../common/index.js';
import { ContentError } from '../content/frontMatter.js';

type Json = Record<string, unknown>;

/** A question as content/poa-questions.json states it: for every cause, or only for `causes`. */
export interface QuestionEntry extends PoaQuestion {
  causes: CaseCause[] | null;
}

export interface PoaQuestionBank {
  questions: QuestionEntry[];
  /** cause → question id → a hint tailored to that cause. */
  causeHints: Map<CaseCause, Map<string, Bilingual>>;
}

export interface WordList {
  en: string[];
  zh: string[];
}

/** content/poa-wording.json: what the checks before sending look for. */
export interface PoaWording {
  appealLimit: { characters: number; note: string };
  emotive: WordList;
  blaming: WordList;
  emptyPromises: WordList;
  measureCues: WordList;
  vocabulary: string[];
}

export const QUESTIONS_FILE = 'poa-questions.json';
export const WORDING_FILE = 'poa-wording.json';
const ID = /^[a-z][a-z0-9-]{0,60}$/;
const PLACEHOLDER = /^[A-Za-z_][A-Za-z0-9_]{0,60}$/;

function object(value: unknown, where: string): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ContentError(`${where} must be an object`);
  return value as Json;
}

function text(data: Json, name: string, where: string): string {
  const value = data[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new ContentError(`${where}: "${name}" must be non-empty text`);
  return value;
}

function bilingual(value: unknown, where: string): Bilingual {
  const data = object(value, where);
  return { zh: text(data, 'zh', where), en: text(data, 'en', where) };
}

function texts(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== ''))
    throw new ContentError(`${where} must be a list of non-empty texts`);
  return value as string[];
}

function cause(value: string, where: string): CaseCause {
  if (!(CASE_CAUSES as readonly string[]).includes(value))
    throw new ContentError(`${where}: "${value}" is not a cause (${CASE_CAUSES.join(', ')})`);
  return value as CaseCause;
}

function parseQuestion(raw: unknown, index: number, ids: Set<string>): QuestionEntry {
  const where = `question ${index + 1}`;
  const data = object(raw, where);
  const id = text(data, 'id', where);
  if (!ID.test(id)) throw new ContentError(`${where}: id "${id}" must be lowercase letters, digits and hyphens`);
  if (ids.has(id)) throw new ContentError(`${where}: id "${id}" is used twice`);
  ids.add(id);
  const part = text(data, 'part', `${where} ("${id}")`);
  if (!(POA_PARTS as readonly string[]).includes(part))
    throw new ContentError(`${where} ("${id}"): part "${part}" is not one of ${POA_PARTS.join(', ')}`);
  const fills = data.fills === undefined ? [] : texts(data.fills, `${where} ("${id}") fills`);
  for (const name of fills)
    if (!PLACEHOLDER.test(name)) throw new ContentError(`${where} ("${id}"): "${name}" is not a placeholder name`);
  if (data.lines !== undefined && typeof data.lines !== 'boolean')
    throw new ContentError(`${where} ("${id}"): "lines" must be true or false`);
  const causes =
    data.causes === undefined
      ? null
      : texts(data.causes, `${where} ("${id}") causes`).map((name) => cause(name, `${where} ("${id}")`));
  return {
    id,
    part: part as QuestionEntry['part'],
    label: bilingual(data.label, `${where} ("${id}") label`),
    hint: bilingual(data.hint, `${where} ("${id}") hint`),
    fills,
    lines: data.lines === true,
    causes,
  };
}

/** Validates content/poa-questions.json: `{ questions: [...], causeHints: { cause: { question: {zh, en} } } }`. */
export function parsePoaQuestions(source: string): PoaQuestionBank {
  const data = object(parseJson(source), QUESTIONS_FILE);
  if (!Array.isArray(data.questions)) throw new ContentError('"questions" must be a list');
  const ids = new Set<string>();
  const questions = data.questions.map((raw, index) => parseQuestion(raw, index, ids));
  const causeHints = new Map<CaseCause, Map<string, Bilingual>>();
  for (const [name, hints] of Object.entries(object(data.causeHints ?? {}, 'causeHints'))) {
    const byQuestion = new Map<string, Bilingual>();
    for (const [question, hint] of Object.entries(object(hints, `causeHints.${name}`))) {
      if (!ids.has(question)) throw new ContentError(`causeHints.${name}: no question "${question}"`);
      byQuestion.set(question, bilingual(hint, `causeHints.${name}.${question}`));
    }
    causeHints.set(cause(name, 'causeHints'), byQuestion);
  }
  return { questions, causeHints };
}

function wordList(value: unknown, where: string): WordList {
  const data = object(value, where);
  return { en: texts(data.en, `${where}.en`), zh: texts(data.zh, `${where}.zh`) };
}

/** Validates content/poa-wording.json. */
export function parsePoaWording(source: string): PoaWording {
  const data = object(parseJson(source), WORDING_FILE);
  const limit = object(data.appealLimit, 'appealLimit');
  const characters = limit.characters;
  if (typeof characters !== 'number' || !Number.isInteger(characters) || characters < 500 || characters > 100_000) {
    throw new ContentError('appealLimit.characters must be a whole number from 500 to 100000');
  }
  return {
    appealLimit: { characters, note: text(limit, 'note', 'appealLimit') },
    emotive: wordList(data.emotive, 'emotive'),
    blaming: wordList(data.blaming, 'blaming'),
    emptyPromises: wordList(data.emptyPromises, 'emptyPromises'),
    measureCues: wordList(data.measureCues, 'measureCues'),
    vocabulary: texts(data.vocabulary ?? [], 'vocabulary'),
  };
}

function parseJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new ContentError(`not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads and validates one of the two files in `appRoot`/content, naming the file in any error. */
function readContent<T>(appRoot: string, file: string, parse: (source: string) => T): T {
  const path = join(appRoot, 'content', file);
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentError(`Content: content/${file}: ${(error as Error).message}`);
  }
}

/** The questions and word lists of the app in `appRoot`, validated once. */
export function loadPoaContent(appRoot: string): { bank: PoaQuestionBank; wording: PoaWording } {
  return {
    bank: readContent(appRoot, QUESTIONS_FILE, parsePoaQuestions),
    wording: readContent(appRoot, WORDING_FILE, parsePoaWording),
  };
}

/** The questions that apply to a cause, each with the hint tailored to that cause where there is one. */
export function questionsFor(bank: PoaQuestionBank, caseCause: CaseCause): PoaQuestion[] {
  const hints = bank.causeHints.get(caseCause);
  return bank.questions
    .filter((question) => question.causes === null || question.causes.includes(caseCause))
    .map(({ causes: _causes, ...question }) => ({ ...question, hint: hints?.get(question.id) ?? question.hint }));
}

// The answers of the API's endpoints as JSON Schema, read from the controllers' own return types
// with TypeScript's type checker: the presenters are the one source of an answer's shape, and the
// OpenAPI document describes what they return without a second, hand-written copy.
import ts from 'typescript';
import { dirname, join, sep } from 'node:path';

/**
 * Fills in `document` (an OpenAPI 3.0 document from @nestjs/swagger, operation ids
 * `Controller_method`) the JSON answer of every operation whose method returns something, and
 * adds the named types it meets to `components.schemas`.
 */
export function addResponseSchemas(document, { root, tsconfig, published: publishedPath }) {
  const program = programOf(join(root, tsconfig));
  const checker = program.getTypeChecker();
  const projectDir = join(root, 'api', 'src') + sep;
  const methods = controllerMethods(program, projectDir);
  const converter = new Converter(checker, projectDir);
  // The answers of the factories' routes, by the names they declare (api/src/openapi/published.ts).
  const publishedFile = program.getSourceFile(join(root, publishedPath));
  if (!publishedFile) throw new Error(`${publishedPath} is not part of ${tsconfig}`);
  const published = checker.getExportsOfModule(checker.getSymbolAtLocation(publishedFile)).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return [symbol.name, checker.getDeclaredTypeOfSymbol(target)];
  });
  // The vocabularies first, so that the answers refer to them.
  for (const [name, type] of published) if (literalsKey(type)) converter.publish(name, type);
  for (const [name, type] of published) if (!literalsKey(type)) converter.publish(name, type);
  // A source's record, as its list and show answer it (`<Resource>Record`): what its definition's
  // presenter returns, and the stops it was stored under. Adding a source adds its record here.
  if (!converter.named.has('RecordStop')) throw new Error(`${publishedPath} must export RecordStop`);
  for (const { resource, answer } of sourcePresenters(program, checker, projectDir)) {
    const record = converter.schemaOf(answer);
    converter.named.set(`${pascal(resource)}Record`, {
      ...record,
      properties: {
        ...record.properties,
        processingStops: { type: 'array', items: { $ref: '#/components/schemas/RecordStop' } },
      },
      required: [...(record.required ?? []), 'processingStops'],
    });
  }
  const missing = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [verb, operation] of Object.entries(item)) {
      const declaration = methods.get(operation.operationId);
      const declared = Object.entries(operation.responses ?? {}).some(([code, r]) => code.startsWith('2') && r.content);
      if (!declaration) {
        if (!declared) missing.push(`${verb.toUpperCase()} ${path} (${operation.operationId})`);
        continue;
      }
      const signature = checker.getSignatureFromDeclaration(declaration);
      if (!signature) continue;
      const answer = checker.getAwaitedType(checker.getReturnTypeOfSignature(signature));
      if (!answer || nothingAnswered(answer)) continue;
      const status = Object.keys(operation.responses ?? {}).find((code) => code.startsWith('2')) ?? '200';
      const response = (operation.responses ??= {})[status] ?? { description: '' };
      operation.responses[status] = response;
      // A decorator that already says what is answered (a ZIP, a CSV) wins.
      if (response.content) continue;
      response.content = { [mediaTypeOf(declaration)]: { schema: converter.schemaOf(answer) } };
    }
  }
  if (missing.length) throw new Error(`No controller method found for: ${missing.join(', ')}`);
  const schemas = (document.components ??= {}).schemas ?? {};
  for (const [name, schema] of converter.named) {
    if (schemas[name]) throw new Error(`Two types are named ${name} in the OpenAPI document`);
    schemas[name] = schema;
  }
  document.components.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  const dangling = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)]
    .map(([, name]) => name)
    .filter((name) => !document.components.schemas[name]);
  if (dangling.length) throw new Error(`Answers named but not described: ${[...new Set(dangling)].join(', ')}`);
  return document;
}

function programOf(tsconfigPath) {
  const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfigPath));
  return ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true });
}

/** `leads` -> `Leads`, `chat-messages` -> `ChatMessages`: as the factories name their controllers. */
const pascal = (resource) => resource.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());

/** Each `defineSource({ resource, present })` of the API: the resource and what its presenter returns. */
function sourcePresenters(program, checker, projectDir) {
  const found = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(projectDir.split(sep).join('/')) || file.isDeclarationFile) continue;
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineSource') {
        const [definition] = node.arguments;
        const property = (name) =>
          definition && ts.isObjectLiteralExpression(definition)
            ? definition.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer
            : undefined;
        const resource = property('resource');
        const present = property('present');
        const [signature] = present ? checker.getTypeAtLocation(present).getCallSignatures() : [];
        if (!resource || !ts.isStringLiteral(resource) || !signature)
          throw new Error(`${file.fileName}: defineSource needs a literal resource and a present function`);
        found.push({ resource: resource.text, answer: checker.getReturnTypeOfSignature(signature) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** `Controller_method` -> the method's declaration, as @nestjs/swagger names its operations. */
function controllerMethods(program, projectDir) {
  const methods = new Map();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(projectDir.split(sep).join('/')) || file.isDeclarationFile) continue;
    const visit = (node) => {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          if (ts.isMethodDeclaration(member) && member.name && ts.isIdentifier(member.name))
            methods.set(`${node.name.text}_${member.name.text}`, member);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return methods;
}

/** The media type a method declares with `@Header('Content-Type', ...)` (a CSV, a page), JSON otherwise. */
function mediaTypeOf(method) {
  for (const decorator of ts.getDecorators(method) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Header') continue;
    const [name, value] = call.arguments;
    if (name && value && ts.isStringLiteral(name) && ts.isStringLiteral(value) && /^content-type$/i.test(name.text))
      return value.text.split(';')[0].trim();
  }
  return 'application/json';
}

function nothingAnswered(type) {
  return (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) !== 0;
}

class Converter {
  /** Named types of the project met so far, by their name in components.schemas. */
  named = new Map();
  #names = new Map();
  #published = new Map();
  /** Published unions of literals by their values: TS makes a new union wherever `| null` is added. */
  #enums = new Map();

  constructor(checker, projectDir) {
    this.checker = checker;
    this.projectDir = projectDir.split(sep).join('/');
  }

  /** Describes `type` under `name`, and refers to it wherever it is met. */
  publish(name, type) {
    this.#published.set(type, name);
    this.#names.set(name, type);
    this.named.set(name, {});
    this.named.set(name, this.#inline(type, 0));
    const key = literalsKey(type);
    if (key && !this.#enums.has(key)) this.#enums.set(key, name);
  }

  schemaOf(type, depth = 0) {
    if (depth > 24) return {};
    const name = this.#published.get(type) ?? this.#nameOf(type);
    if (name) {
      if (!this.#names.has(name)) {
        this.#names.set(name, type);
        this.named.set(name, {});
        this.named.set(name, this.#inline(type, depth));
      } else if (this.#names.get(name) !== type) {
        // Two different types under one name: describe this one in place rather than guess.
        return this.#inline(type, depth);
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    return this.#inline(type, depth);
  }

  /** The name of a type alias, interface or class declared in the API's sources. */
  #nameOf(type) {
    const symbol = type.aliasSymbol && !type.aliasTypeArguments?.length ? type.aliasSymbol : type.symbol;
    if (!symbol || symbol.name.startsWith('__')) return null;
    const ownName = type.aliasSymbol === symbol || symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class);
    if (!ownName || type.aliasTypeArguments?.length) return null;
    const declared = symbol.declarations?.some((d) => d.getSourceFile().fileName.startsWith(this.projectDir));
    return declared ? symbol.name : null;
  }

  #describe(symbol) {
    const text = ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim();
    return text ? { description: text } : {};
  }

  #inline(type, depth) {
    const { checker } = this;
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (flags & ts.TypeFlags.Null) return { nullable: true };
    if (flags & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [type.value] };
    if (flags & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [type.value] };
    if (flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [type.intrinsicName === 'true'] };
    if (flags & ts.TypeFlags.StringLike) return { type: 'string' };
    if (flags & ts.TypeFlags.NumberLike) return { type: 'number' };
    if (flags & ts.TypeFlags.BigIntLike) return { type: 'string' };
    if (flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
    if (type.isUnion()) return this.#union(type, depth);
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type);
      const item = items.length === 1 ? items[0] : checker.getUnionType(items);
      return { type: 'array', items: this.schemaOf(item, depth + 1) };
    }
    const symbolName = type.symbol?.name;
    if (symbolName === 'Date') return { type: 'string', format: 'date-time' };
    if (symbolName === 'Buffer' || symbolName === 'Uint8Array') return { type: 'string', format: 'binary' };
    // JSON.stringify writes what toJSON returns.
    const toJson = type.getProperty('toJSON');
    if (toJson) {
      const [signature] = checker.getTypeOfSymbol(toJson).getCallSignatures();
      if (signature) return this.schemaOf(checker.getReturnTypeOfSignature(signature), depth + 1);
    }
    const schema = { type: 'object', properties: {} };
    const required = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const propertyType = checker.getTypeOfSymbol(property);
      // Methods are not written by JSON.stringify.
      if (property.flags & ts.SymbolFlags.Method || propertyType.getCallSignatures().length) continue;
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const value = this.schemaOf(optional ? checker.getNonNullableType(propertyType) : propertyType, depth + 1);
      const withNull = optional && mayBeNull(propertyType) ? nullable(value) : value;
      schema.properties[property.name] = { ...withNull, ...this.#describe(property) };
      if (!optional) required.push(property.name);
    }
    const [index] = checker.getIndexInfosOfType(type);
    if (index) schema.additionalProperties = this.schemaOf(index.type, depth + 1);
    if (required.length) schema.required = required;
    return schema;
  }

  #union(type, depth) {
    const members = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
    const withNull = members.some((t) => t.flags & ts.TypeFlags.Null);
    const named = this.#enums.get(literalsKey(type));
    if (named) {
      const ref = { $ref: `#/components/schemas/${named}` };
      return withNull ? nullable(ref) : ref;
    }
    let rest = members.filter((t) => !(t.flags & ts.TypeFlags.Null));
    const booleans = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const schemas = [];
    if (booleans.length === 2) {
      schemas.push({ type: 'boolean' });
      rest = rest.filter((t) => !booleans.includes(t));
    }
    const strings = rest.filter((t) => t.flags & ts.TypeFlags.StringLiteral);
    if (strings.length) schemas.push({ type: 'string', enum: strings.map((t) => t.value) });
    const numbers = rest.filter((t) => t.flags & ts.TypeFlags.NumberLiteral);
    if (numbers.length) schemas.push({ type: 'number', enum: numbers.map((t) => t.value) });
    for (const t of rest) {
      if (!(t.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)))
        schemas.push(this.schemaOf(t, depth + 1));
    }
    const schema = schemas.length === 1 ? schemas[0] : schemas.length ? { oneOf: schemas } : {};
    return withNull ? nullable(schema) : schema;
  }
}

/** The values of a union of string literals (null and undefined aside), as one key; null for any other type. */
function literalsKey(type) {
  if (!type.isUnion()) return null;
  const values = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  if (values.length < 2 || !values.every((t) => t.flags & ts.TypeFlags.StringLiteral)) return null;
  return JSON.stringify(values.map((t) => t.value).sort());
}

function mayBeNull(type) {
  return type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Null);
}

/** OpenAPI 3.0's null: `nullable`, beside a reference only through allOf (3.0 ignores $ref's siblings). */
function nullable(schema) {
  if (schema.$ref) return { allOf: [schema], nullable: true };
  if (schema.type || schema.oneOf) return { ...schema, nullable: true };
  return schema;
}

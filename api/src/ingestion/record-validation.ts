import {
  getMetadataStorage,
  validate,
  ValidationTypes,
  type ValidationArguments,
  type ValidationError,
  type ValidatorOptions,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { ConstraintMetadata } from 'class-validator/types/metadata/ConstraintMetadata';

/** How ingestion validates a record: unknown fields refused, the first problem of each field. */
export const RECORD_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true };

interface PropertyChecks {
  name: string;
  conditions: ValidationMetadata[];
  checks: Array<{ metadata: ValidationMetadata; constraints: ConstraintMetadata[] }>;
}

/** A DTO's decorators read once: what class-validator looks up again for every object it validates. */
interface CompiledDto {
  grouped: Record<string, ValidationMetadata[]>;
  properties: PropertyChecks[];
}

const compiled = new WeakMap<object, CompiledDto | null>();

/**
 * class-validator's problems for a record of a batch (`RECORD_OPTIONS`). A record that passes
 * every decorator is answered by checks compiled once per DTO, which run the same constraints
 * in the same way as class-validator's executor; anything else (a failed or asynchronous check,
 * a decorator kind the compiled checks do not run) is validated by class-validator itself, so
 * that the problems and their messages are its own.
 */
export async function recordProblems(record: object, dto: new () => object): Promise<ValidationError[]> {
  if (record.constructor === dto && passes(record, compile(dto))) return [];
  return validate(record, RECORD_OPTIONS);
}

function compile(dto: new () => object): CompiledDto | null {
  if (compiled.has(dto)) return compiled.get(dto)!;
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(dto, undefined as unknown as string, false, false, undefined);
  const grouped = storage.groupByPropertyName(metadatas);
  const known = new Set<string>([
    ValidationTypes.CUSTOM_VALIDATION,
    ValidationTypes.CONDITIONAL_VALIDATION,
    ValidationTypes.WHITELIST,
    ValidationTypes.IS_DEFINED,
  ]);
  const simple =
    metadatas.length > 0 &&
    metadatas.every((m) => known.has(m.type) && !m.each && !m.validateIf) &&
    metadatas.every(
      (m) => (m.type !== ValidationTypes.CUSTOM_VALIDATION && m.type !== ValidationTypes.IS_DEFINED) || m.constraintCls,
    );
  let result: CompiledDto | null = null;
  if (simple) {
    const properties = Object.keys(grouped).map((name) => {
      const all = grouped[name];
      const ofType = (type: string) =>
        all
          .filter((m) => m.type === type)
          .map((metadata) => ({
            metadata,
            constraints: storage.getTargetValidatorConstraints(metadata.constraintCls),
          }));
      // In class-validator's order: the condition (IsOptional), then IS_DEFINED, then the others.
      return {
        name,
        conditions: all.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION),
        checks: [...ofType(ValidationTypes.IS_DEFINED), ...ofType(ValidationTypes.CUSTOM_VALIDATION)],
      };
    });
    if (properties.every((p) => p.checks.every((c) => c.constraints.length && c.constraints.every((k) => !k.async))))
      result = { grouped, properties };
  }
  compiled.set(dto, result);
  return result;
}

/** True only when class-validator would find no problem with the record. */
function passes(record: object, dto: CompiledDto | null): boolean {
  if (!dto) return false;
  const object = record as Record<string, unknown>;
  // The whitelist as class-validator reads it (an own key without metadata is refused).
  for (const key of Object.keys(object)) {
    if (!dto.grouped[key] || dto.grouped[key].length === 0) return false;
  }
  for (const property of dto.properties) {
    const value = object[property.name];
    if (!property.conditions.every((m) => (m.constraints[0] as (o: object, v: unknown) => boolean)(object, value)))
      continue;
    for (const { metadata, constraints } of property.checks) {
      for (const constraint of constraints) {
        const args: ValidationArguments = {
          targetName: object.constructor ? object.constructor.name : '',
          property: metadata.propertyName,
          object,
          value,
          constraints: metadata.constraints,
        };
        const valid = constraint.instance.validate(value, args);
        if (valid !== true) return false;
      }
    }
  }
  return true;
}

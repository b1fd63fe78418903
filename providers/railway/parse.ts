import { num, obj, optStr, type Page, page, str } from './shape.js';

/** Nodes as the queries in queries.ts select them, read and checked. */

export interface Named {
  id: string;
  name: string;
}

export interface VolumeInstanceNode {
  id: string;
  mountPath: string;
  sizeMB: number;
  currentSizeMB: number;
  serviceId?: string;
  volume: Named;
}

export interface EnvironmentNode extends Named {
  volumeInstances: Page<VolumeInstanceNode>;
}

export interface ProjectNode extends Named {
  baseEnvironmentId?: string;
  primaryEnvironmentId?: string;
  workspace?: Named;
  environments: Page<EnvironmentNode>;
  services: Page<Named>;
  buckets: Page<Named>;
}

export interface ServiceInstanceNode {
  serviceId: string;
  serviceName: string;
}

export function readNamed(v: unknown, path: string): Named {
  const o = obj(v, path);
  return { id: str(o.id, `${path}.id`), name: str(o.name, `${path}.name`) };
}

export function readVolumeInstance(v: unknown, path: string): VolumeInstanceNode {
  const o = obj(v, path);
  const serviceId = optStr(o.serviceId, `${path}.serviceId`);
  return {
    id: str(o.id, `${path}.id`),
    mountPath: str(o.mountPath, `${path}.mountPath`),
    sizeMB: num(o.sizeMB, `${path}.sizeMB`),
    currentSizeMB: num(o.currentSizeMB, `${path}.currentSizeMB`),
    ...(serviceId !== undefined ? { serviceId } : {}),
    volume: readNamed(o.volume, `${path}.volume`),
  };
}

export function readEnvironment(v: unknown, path: string): EnvironmentNode {
  const o = obj(v, path);
  return {
    ...readNamed(o, path),
    volumeInstances: page(o.volumeInstances, `${path}.volumeInstances`, readVolumeInstance),
  };
}

export function readProject(v: unknown, path: string): ProjectNode {
  const o = obj(v, path);
  const baseEnvironmentId = optStr(o.baseEnvironmentId, `${path}.baseEnvironmentId`);
  const primaryEnvironmentId = optStr(o.primaryEnvironmentId, `${path}.primaryEnvironmentId`);
  return {
    ...readNamed(o, path),
    ...(baseEnvironmentId !== undefined ? { baseEnvironmentId } : {}),
    ...(primaryEnvironmentId !== undefined ? { primaryEnvironmentId } : {}),
    ...(o.workspace !== null && o.workspace !== undefined
      ? { workspace: readNamed(o.workspace, `${path}.workspace`) }
      : {}),
    environments: page(o.environments, `${path}.environments`, readEnvironment),
    services: page(o.services, `${path}.services`, readNamed),
    buckets: page(o.buckets, `${path}.buckets`, readNamed),
  };
}

export function readServiceInstance(v: unknown, path: string): ServiceInstanceNode {
  const o = obj(v, path);
  return { serviceId: str(o.serviceId, `${path}.serviceId`), serviceName: str(o.serviceName, `${path}.serviceName`) };
}

import pkg from '../package.json';

export const TOOL_NAME = 'survey-analyze';
export const TOOL_VERSION: string = pkg.version;

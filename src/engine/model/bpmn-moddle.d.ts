// bpmn-moddle ships types for its meta-model but not for its entry point; this
// declares the part the model reader uses.
declare module 'bpmn-moddle' {
  export interface ParseWarning {
    message: string
    element?: { $type: string; id?: string }
    property?: string
    value?: string
  }

  export interface ParseResult {
    rootElement: { $type: string; [property: string]: unknown }
    warnings: ParseWarning[]
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>)
    fromXML(xml: string, typeName?: string): Promise<ParseResult>
  }
}

// Real Camunda Modeler output (with diagram interchange) reads into the executable model.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { parseDefinition } from '../../src/engine/model/index.js'
import type { Gateway, JobTask, ScriptTask, UserTask } from '../../src/engine/types.js'

// As saved by Camunda Modeler 5 for Camunda 8, trimmed to a few elements.
const MODELER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1k2j3h4" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.21.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.4.0">
  <bpmn:process id="referral" name="Referral" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="Referral received">
      <bpmn:outgoing>Flow_0a1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:serviceTask id="Task_register" name="Register case">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="register-case" retries="5" />
        <zeebe:taskHeaders>
          <zeebe:header key="letterTemplate" value="receipt-nb" />
        </zeebe:taskHeaders>
        <zeebe:ioMapping>
          <zeebe:input source="=referral.person" target="person" />
          <zeebe:output source="=caseId" target="case.id" />
        </zeebe:ioMapping>
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_0a1</bpmn:incoming>
      <bpmn:outgoing>Flow_0b2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:businessRuleTask id="Task_complex" name="Is the case complex?">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="rules:complexity" retries="=retriesFor(&#34;rules&#34;)" />
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_0b2</bpmn:incoming>
      <bpmn:outgoing>Flow_0c3</bpmn:outgoing>
    </bpmn:businessRuleTask>
    <bpmn:exclusiveGateway id="Gateway_complex" name="Complex?" default="Flow_simple">
      <bpmn:incoming>Flow_0c3</bpmn:incoming>
      <bpmn:outgoing>Flow_complex</bpmn:outgoing>
      <bpmn:outgoing>Flow_simple</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:userTask id="Task_assess" name="Assess the case">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:formDefinition formId="assessment" />
        <zeebe:assignmentDefinition assignee="=case.owner" candidateGroups="coordinators, leaders" />
        <zeebe:taskSchedule dueDate="=now() + duration(&#34;P10D&#34;)" />
        <zeebe:priorityDefinition priority="75" />
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_complex</bpmn:incoming>
      <bpmn:outgoing>Flow_done</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:scriptTask id="Task_summary" name="Summarise">
      <bpmn:extensionElements>
        <zeebe:script expression="=&#34;Case &#34; + case.id" resultVariable="summary" />
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_simple</bpmn:incoming>
    </bpmn:scriptTask>
    <bpmn:endEvent id="EndEvent_1" name="Assessed">
      <bpmn:incoming>Flow_done</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_0a1" sourceRef="StartEvent_1" targetRef="Task_register" />
    <bpmn:sequenceFlow id="Flow_0b2" sourceRef="Task_register" targetRef="Task_complex" />
    <bpmn:sequenceFlow id="Flow_0c3" sourceRef="Task_complex" targetRef="Gateway_complex" />
    <bpmn:sequenceFlow id="Flow_complex" name="yes" sourceRef="Gateway_complex" targetRef="Task_assess">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=complex = true</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_simple" name="no" sourceRef="Gateway_complex" targetRef="Task_summary" />
    <bpmn:sequenceFlow id="Flow_done" sourceRef="Task_assess" targetRef="EndEvent_1" />
    <bpmn:textAnnotation id="TextAnnotation_1"><bpmn:text>Checked weekly</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="Association_1" sourceRef="Task_assess" targetRef="TextAnnotation_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="referral">
      <bpmndi:BPMNShape id="_BPMNShape_StartEvent_2" bpmnElement="StartEvent_1">
        <dc:Bounds x="179" y="99" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="154" y="142" width="87" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_register_di" bpmnElement="Task_register"><dc:Bounds x="270" y="77" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_complex_di" bpmnElement="Task_complex"><dc:Bounds x="430" y="77" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gateway_complex_di" bpmnElement="Gateway_complex" isMarkerVisible="true"><dc:Bounds x="595" y="92" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_assess_di" bpmnElement="Task_assess"><dc:Bounds x="710" y="77" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_summary_di" bpmnElement="Task_summary"><dc:Bounds x="710" y="190" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Event_end_di" bpmnElement="EndEvent_1"><dc:Bounds x="872" y="99" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_0a1_di" bpmnElement="Flow_0a1"><di:waypoint x="215" y="117" /><di:waypoint x="270" y="117" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_0b2_di" bpmnElement="Flow_0b2"><di:waypoint x="370" y="117" /><di:waypoint x="430" y="117" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_0c3_di" bpmnElement="Flow_0c3"><di:waypoint x="530" y="117" /><di:waypoint x="595" y="117" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_complex_di" bpmnElement="Flow_complex"><di:waypoint x="645" y="117" /><di:waypoint x="710" y="117" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_simple_di" bpmnElement="Flow_simple"><di:waypoint x="620" y="142" /><di:waypoint x="620" y="230" /><di:waypoint x="710" y="230" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_done_di" bpmnElement="Flow_done"><di:waypoint x="810" y="117" /><di:waypoint x="872" y="117" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`

test('modeler output with diagram interchange reads into one model', async () => {
  const models = await parseDefinition(MODELER_XML)
  assert.is(models.length, 1)
  const model = models[0]!
  assert.is(model.processId, 'referral')
  assert.is(model.name, 'Referral')
  assert.is(model.startEventId, 'StartEvent_1')
  assert.equal(Object.keys(model.elements).sort(), ['EndEvent_1', 'Gateway_complex', 'StartEvent_1', 'Task_assess', 'Task_complex', 'Task_register', 'Task_summary'])
  assert.equal(model.flows['Flow_complex'], { id: 'Flow_complex', sourceId: 'Gateway_complex', targetId: 'Task_assess', condition: 'complex = true' })
})

test('a service task keeps its job definition, headers and mappings', async () => {
  const [model] = await parseDefinition(MODELER_XML)
  const task = model!.elements['Task_register'] as JobTask
  assert.is(task.kind, 'serviceTask')
  assert.is(task.name, 'Register case')
  assert.equal(task.job, { type: { value: 'register-case' }, retries: { value: '5' }, headers: { letterTemplate: 'receipt-nb' } })
  assert.equal(task.inputs, [{ source: { feel: 'referral.person' }, target: 'person' }])
  assert.equal(task.outputs, [{ source: { feel: 'caseId' }, target: 'case.id' }])
  assert.equal(task.incoming, ['Flow_0a1'])
  assert.equal(task.outgoing, ['Flow_0b2'])
})

test('a business-rule task is a job whose type names the rule set; retries may be FEEL', async () => {
  const [model] = await parseDefinition(MODELER_XML)
  const task = model!.elements['Task_complex'] as JobTask
  assert.is(task.kind, 'businessRuleTask')
  assert.equal(task.job.type, { value: 'rules:complexity' })
  assert.equal(task.job.retries, { feel: 'retriesFor("rules")' })
})

test('a gateway keeps its default flow; flows keep document order', async () => {
  const [model] = await parseDefinition(MODELER_XML)
  const gateway = model!.elements['Gateway_complex'] as Gateway
  assert.is(gateway.defaultFlow, 'Flow_simple')
  assert.equal(gateway.outgoing, ['Flow_complex', 'Flow_simple'])
})

test('a user task keeps assignment, schedule, priority and form', async () => {
  const [model] = await parseDefinition(MODELER_XML)
  const task = model!.elements['Task_assess'] as UserTask
  assert.equal(task.userTask, {
    assignee: { feel: 'case.owner' },
    candidateGroups: { value: 'coordinators, leaders' },
    candidateUsers: null,
    dueDate: { feel: 'now() + duration("P10D")' },
    followUpDate: null,
    priority: { value: '75' },
    formId: 'assessment',
    formKey: null,
  })
})

test('a script task keeps its expression and result variable', async () => {
  const [model] = await parseDefinition(MODELER_XML)
  const task = model!.elements['Task_summary'] as ScriptTask
  assert.equal(task.script, { expression: '"Case " + case.id', resultVariable: 'summary' })
  assert.is(task.job, null)
})

test('the model is frozen all the way down', async () => {
  const [model] = await parseDefinition(MODELER_XML)
  assert.ok(Object.isFrozen(model))
  assert.ok(Object.isFrozen(model!.elements['Task_register']))
  assert.ok(Object.isFrozen((model!.elements['Task_register'] as JobTask).job.headers))
  assert.throws(() => {
    ;(model!.elements['Task_register']!.outgoing as string[]).push('Flow_x')
  })
})

test('a collaboration gives one model per executable process, skipping the others', async () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:collaboration id="Collaboration_1">
    <bpmn:participant id="Participant_unit" name="Unit" processRef="unit" />
    <bpmn:participant id="Participant_family" name="Family" processRef="family" />
    <bpmn:participant id="Participant_school" name="School" processRef="school" />
    <bpmn:messageFlow id="MessageFlow_1" sourceRef="Participant_unit" targetRef="Participant_family" />
  </bpmn:collaboration>
  <bpmn:process id="unit" isExecutable="true">
    <bpmn:laneSet id="LaneSet_1"><bpmn:lane id="Lane_1" name="Coordinator"><bpmn:flowNodeRef>s1</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="s1" /><bpmn:endEvent id="e1" /><bpmn:sequenceFlow id="f1" sourceRef="s1" targetRef="e1" />
  </bpmn:process>
  <bpmn:process id="family" isExecutable="false" />
  <bpmn:process id="school" isExecutable="true">
    <bpmn:startEvent id="s2" /><bpmn:endEvent id="e2" /><bpmn:sequenceFlow id="f2" sourceRef="s2" targetRef="e2" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">
    <bpmndi:BPMNShape id="Participant_unit_di" bpmnElement="Participant_unit" isHorizontal="true"><dc:Bounds x="0" y="0" width="600" height="250" /></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`
  const models = await parseDefinition(xml)
  assert.equal(models.map((model) => model.processId), ['unit', 'school'])
})

test.run()

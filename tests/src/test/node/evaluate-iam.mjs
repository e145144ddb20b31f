// Evaluates AWS calls against IAM identity policies with @cloud-copilot/iam-simulate.
// stdin:  {"accountId": "...", "policies": {"<function>": [<policy document>, ...]},
//          "calls": [{"function": "...", "action": "...", "resource": "...", "context": {...}}]}
// stdout: {"results": [{"decision": "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied" | "Error",
//                       "detail": "..."}]}, one per call, in order.
// The policies are the function's whole identity: no SCP, RCP, boundary or resource policy.
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate'

// The service authorization reference lists no resource type for the task callbacks, so
// iam-simulate accepts only "*" for them. Step Functions nevertheless authorizes a callback
// against the state machine that issued the token (its AccessDenied names that ARN, and CDK's
// grantTaskResponse scopes to it), so these are evaluated against that ARN by the same engine
// without the reference's resource check.
const AUTHORIZED_ON_ISSUING_STATE_MACHINE = new Set([
  'states:SendTaskSuccess',
  'states:SendTaskFailure',
  'states:SendTaskHeartbeat'
])

async function evaluate(call, batch) {
  const documents = batch.policies[call.function]
  if (!documents) {
    return { decision: 'Error', detail: `no policies for function ${call.function}` }
  }
  const simulation = {
    identityPolicies: documents.map((policy, i) => ({ name: `${call.function}-${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    request: {
      action: call.action,
      principal: `arn:aws:iam::${batch.accountId}:role/${call.function}Role`,
      resource: { resource: call.resource, accountId: batch.accountId },
      contextVariables: call.context ?? {}
    }
  }
  if (AUTHORIZED_ON_ISSUING_STATE_MACHINE.has(call.action) && call.resource !== '*') {
    return { decision: runUnsafeSimulation(simulation, {}), detail: 'evaluated on the issuing state machine' }
  }
  const response = await runSimulation(simulation, { simulationMode: 'Strict' })
  if (response.resultType === 'error') {
    return { decision: 'Error', detail: JSON.stringify(response.errors) }
  }
  return { decision: response.overallResult, detail: '' }
}

const chunks = []
for await (const chunk of process.stdin) {
  chunks.push(chunk)
}
const batch = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const results = []
for (const call of batch.calls) {
  results.push(await evaluate(call, batch))
}
process.stdout.write(JSON.stringify({ results }) + '\n')

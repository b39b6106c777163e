/**
 * Generated from Samflyt's /openapi.json by `npm run web:api` (openapi-typescript). Do not edit.
 */


export interface paths {
  "/api/auth/login": {
    /**
     * Sign in with a local account and get a short-lived bearer token
     * @description With `session: true` (the web app) the token is not returned but set as an httpOnly session cookie, beside a samflyt_csrf cookie whose value every state-changing request made with the session must send in the x-csrf-token header.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            password: string;
            /** @description Set a browser session cookie instead of returning the token */
            session?: boolean;
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: date-time */
              expiresAt: string;
              token?: string;
              user: {
                displayName: string;
                roles: ("caseworker" | "intake-group" | "coordinator" | "process-owner" | "auditor" | "admin")[];
                unit: string | null;
                username: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        429: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/auth/logout": {
    /** End the browser session (clears the session cookies) */
    post: {
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
      };
    };
  };
  "/api/auth/me": {
    /**
     * Who the bearer token belongs to
     * @description Roles: any signed-in user.
     *
     * Roles: any signed-in user.
     */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              displayName: string;
              roles: ("caseworker" | "intake-group" | "coordinator" | "process-owner" | "auditor" | "admin")[];
              unit: string | null;
              username: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/auth/oidc": {
    /** Whether the sign-in page offers an OpenID Connect provider, and its name */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              enabled: boolean;
              name: string | null;
            };
          };
        };
      };
    };
  };
  "/api/auth/oidc/callback": {
    /** Where the OpenID Connect provider sends the browser back with a code */
    get: {
      parameters: {
        query?: {
          code?: string;
          state?: string;
          error?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": string;
          };
        };
      };
    };
  };
  "/api/auth/oidc/start": {
    /**
     * Go to the OpenID Connect provider's sign-in (authorization code with PKCE)
     * @description Answers with a page that moves on to the provider at once (the address is also in its Location-like refresh and link).
     */
    get: {
      parameters: {
        query?: {
          /** @description The page to return to afterwards */
          neste?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": string;
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        503: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases": {
    /**
     * Cases by status, route and deadline, open ones first, then earliest deadline; caseworkers see their own unit's (identity numbers masked)
     * @description Roles: caseworker, intake-group, coordinator, auditor, admin.
     *
     * Roles: caseworker, intake-group, coordinator, auditor, admin.
     */
    get: {
      parameters: {
        query?: {
          status?: ("received" | "registered" | "awaiting-consent" | "assessment" | "intake-group" | "coordinator-appointment" | "decision-letter" | "closed" | "withdrawn" | "linked")[];
          route?: "simple" | "complex";
          /** @description YYYY-MM-DD */
          deadlineBefore?: string;
          overdue?: boolean;
          open?: boolean;
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              items: ({
                  channel: string;
                  deadline: string;
                  id: string;
                  instanceKey: string | null;
                  linkedCaseId: string | null;
                  overdue?: boolean;
                  person?: {
                    birthDate: string;
                    identityNumber: string;
                    name: string;
                  };
                  receivedOn: string;
                  reference: string;
                  route: string | null;
                  status: string;
                  unit: string;
                  [key: string]: unknown;
                })[];
              limit: number;
              offset: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
    /**
     * Register an enquiry (intake): validates it, links a duplicate to the open case, and starts the KE process
     * @description Roles: caseworker, admin.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            channel: "application" | "health-personnel-notice" | "nav-referral" | "internal-notice";
            consent?: ({
              /** @description true: consent given; false: consent refused (an answer). Leave out consent altogether when it is not yet known: it is then requested. */
              consentGiven: boolean;
              givenBy?: "person" | "guardian" | "parent";
              ipDeclined: boolean;
              /** @description What a given consent covers. Default: coordinator, and individual-plan unless declined. information-sharing (to share with the intake group and the agencies involved) only when named. */
              scope?: ("individual-plan" | "coordinator" | "information-sharing")[];
            }) | null;
            /** @description Case facts in the rules vocabulary (docs/facts.md). An unknown fact or a value outside its enumeration is refused with its path. */
            facts?: {
              /** @description The child has a serious illness, injury or disability (pbrl § 2-5 c). */
              childHasSeriousCondition?: boolean;
              /** @description Consent is given; derived from consentStatus when not registered. */
              consentGiven?: boolean;
              /**
               * @description Consent from the person or whoever may consent for them (pbrl chapter 4): missing (not yet asked), requested (asked, no answer), given, or refused. Refused is an answer; missing is not.
               * @enum {string}
               */
              consentStatus?: "missing" | "requested" | "given" | "refused";
              /** @description Services that must be seen together, from two or more providers; derived from services when not registered. */
              coordinatedNeeds?: boolean;
              /** @description The register id of the coordinator the person wishes (pbrl § 2-5 b: the wish is to be weighed). */
              coordinatorWish?: string | null;
              /** @description The family is expecting a child with a known serious illness, injury or disability (pbrl § 2-5 c "venter barn"); the person is then the parent. */
              expectingChild?: boolean;
              /** @description The person (or whoever consents for them) has declined an individual plan; the coordinator offer still stands. */
              ipDeclined?: boolean;
              /** @description Any long-term service; derived from services when not registered. */
              longTermNeeds?: boolean;
              /** @description The caseworker sent the case to the intake group by hand: { reason } with a reason that is not blank. */
              manualEscalation?: {
                /** @description Why the case goes to the intake group; not blank */
                reason: string;
              } | null;
              /** @description The person has needs within mental health. */
              mentalHealthNeeds?: boolean;
              /** @description A long-term service in the health-and-care sector; derived from services when not registered. */
              needsLongTermHealthServices?: boolean;
              /** @description A service in NAV, school, PPT, kindergarten, child welfare or housing; derived from services when not registered. */
              needsOtherWelfareServices?: boolean;
              /** @description The involved units disagree about who is responsible: a reason to take the case to the intake group, not a fact about the person's needs. */
              responsibilityDisputed?: boolean;
              /** @description The services the person receives or needs: [{ name, sector, provider, longTerm?, coordinated?, areas? }] (see the service fields). */
              services?: ({
                  /** @description Need areas it covers: mental-health, substance-use, somatic, rehabilitation, learning, work, housing, family, other; mental-health and substance-use together make ROP. */
                  areas?: ("mental-health" | "substance-use" | "somatic" | "rehabilitation" | "learning" | "work" | "housing" | "family" | "other")[];
                  /** @description It must be seen together with the person's other services (koordinert). */
                  coordinated?: boolean;
                  /** @description The need for it is long-term (langvarig). */
                  longTerm?: boolean;
                  /** @description What the service is, e.g. "Hjemmesykepleie". */
                  name: string;
                  /** @description The unit or agency that delivers it, e.g. "Helse Bergen HF" or "NAV Sentrum". */
                  provider: string;
                  /**
                   * @description The sector it belongs to: one of health-and-care, nav, school, ppt, kindergarten, child-welfare, housing, other. Municipal and specialist health care are both health-and-care.
                   * @enum {string}
                   */
                  sector: "health-and-care" | "nav" | "school" | "ppt" | "kindergarten" | "child-welfare" | "housing" | "other";
                })[];
              /** @description The person has needs within substance use. */
              substanceUseNeeds?: boolean;
            };
            guardians?: ({
                /** Format: email */
                email?: string;
                identityNumber?: string;
                mayConsent?: boolean;
                name: string;
                phone?: string;
                relation: "parent" | "guardian" | "next-of-kin";
              })[];
            language?: "nb" | "nn";
            person: {
              address?: string;
              city?: string;
              /** Format: email */
              email?: string;
              /** @description Fødselsnummer, D-number or (test installations) a synthetic number; never put it in a URL */
              identityNumber: string;
              language?: "nb" | "nn";
              name: string;
              phone?: string;
              postalCode?: string;
            };
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            receivedOn?: string;
            sender?: {
              name?: string;
              organisation?: string;
              role?: "person" | "guardian" | "parent" | "health-personnel" | "nav" | "internal";
            };
            summary?: string;
            unit?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              case: {
                channel: string;
                deadline: string;
                id: string;
                instanceKey: string | null;
                linkedCaseId: string | null;
                overdue?: boolean;
                person?: {
                  birthDate: string;
                  identityNumber: string;
                  name: string;
                };
                receivedOn: string;
                reference: string;
                route: string | null;
                status: string;
                unit: string;
                [key: string]: unknown;
              };
              linkedTo: {
                id: string;
                reference: string;
              } | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        503: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/{id}": {
    /**
     * One case: its open tasks, the rules' decisions and reasons, the decision, the coordinator, the intake group's outcome; the read is recorded
     * @description Roles: caseworker, intake-group, coordinator, auditor, admin.
     *
     * Roles: caseworker, intake-group, coordinator, auditor, admin.
     */
    get: {
      parameters: {
        query?: {
          /** @description Why you read the case; recorded in the access log */
          purpose?: string;
          /** @description Identity numbers masked even for a reader who may see them (then shown with POST /api/cases/:id/identity and a reason) */
          masked?: boolean;
        };
        path: {
          /** @description A case id */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              channel: string;
              /** Format: date-time */
              closedAt: string | null;
              consent: ({
                /** Format: date-time */
                answeredAt: string | null;
                consentGiven: boolean | null;
                givenBy: string | null;
                ipDeclined: boolean;
                reminders: number;
                /** Format: date-time */
                requestedAt: string | null;
                status: string;
                [key: string]: unknown;
              }) | null;
              coordinator: ({
                /** Format: date-time */
                appointedAt: string | null;
                id: string;
                name: string;
                unit: string | null;
                [key: string]: unknown;
              }) | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date */
              deadline: string;
              decision: ({
                /** Format: date-time */
                decidedAt: string | null;
                decidedBy: string | null;
                outcome: string;
                reason: string | null;
                rights: {
                  [key: string]: string;
                } | null;
                [key: string]: unknown;
              }) | null;
              /** Format: date-time */
              escalatedAt: string | null;
              facts: {
                [key: string]: unknown;
              };
              guardians: ({
                  email: string | null;
                  id: string;
                  identityNumber: string | null;
                  mayConsent: boolean;
                  name: string;
                  phone: string | null;
                  relation: string;
                  [key: string]: unknown;
                })[];
              id: string;
              instanceKey: string | null;
              intakeGroup: {
                  [key: string]: unknown;
                }[];
              /** Format: date */
              interimReplyDue: string;
              /** Format: date-time */
              interimReplySentAt: string | null;
              ipPartClosed: boolean;
              language: string;
              linkedCaseId: string | null;
              linkedCases: {
                  id: string;
                  reference: string;
                  status: string;
                  [key: string]: unknown;
                }[];
              notifications: {
                  /** Format: date-time */
                  createdAt: string;
                  id: string;
                  kind: string;
                  message: string;
                  recipient: string;
                  [key: string]: unknown;
                }[];
              /** @description null for a reader who sees the case only for anonymous discussion in the intake group */
              person: ({
                address: string | null;
                /** Format: date */
                birthDate: string;
                city: string | null;
                identityKind: string;
                /** @description Masked (010190*****) unless the reader may see it and did not ask for it masked */
                identityNumber: string;
                language: string;
                name: string;
                postalCode: string | null;
                [key: string]: unknown;
              }) | null;
              /** Format: date */
              receivedOn: string;
              reference: string;
              route: string | null;
              ruleDecisions: ({
                  elementId: string | null;
                  /** Format: date-time */
                  evaluatedAt: string;
                  events: unknown[];
                  id: string;
                  reasons: ({
                      law?: string | null;
                      /** @description Why, in bokmål */
                      reason?: string;
                      /** @description Why, in nynorsk */
                      reasonNn?: string;
                      rule?: string;
                      [key: string]: unknown;
                    })[];
                  ruleSetId: string;
                  /** @description The rule set version that decided */
                  version: number;
                  [key: string]: unknown;
                })[];
              sender: {
                name: string | null;
                organisation: string | null;
                role: string;
                [key: string]: unknown;
              };
              status: string;
              summary: string | null;
              tasks: ({
                  assignee: string | null;
                  candidateGroups: string[];
                  /** Format: date-time */
                  createdAt: string;
                  /** Format: date-time */
                  dueDate: string | null;
                  elementId: string;
                  formId: string | null;
                  key: string;
                  name: string | null;
                  priority: number;
                  [key: string]: unknown;
                })[];
              unit: string;
              withdrawnReason: string | null;
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/{id}/access-log": {
    /**
     * Every read of the case: who, when, why, and whether the full identity number was shown
     * @description Roles: auditor, admin.
     *
     * Roles: auditor, admin.
     */
    get: {
      parameters: {
        path: {
          /** @description A case id */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
                /** Format: date-time */
                at: string;
                fullIdentity: boolean;
                purpose: string;
                roles: string[];
                username: string;
              }[];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/{id}/dossier": {
    /**
     * The whole dossier for the county governor (timeline, decisions and reasons, letters, access log, integrity status) as one PDF in the case's language or as JSON, with its SHA-256
     * @description Roles: auditor, admin.
     *
     * Roles: auditor, admin.
     */
    get: {
      parameters: {
        query: {
          /** @description pdf or json */
          format: "pdf" | "json";
          /** @description Bokmål or nynorsk; the case's own language when left out */
          lang?: "nb" | "nn";
          /** @description Why you read the case; recorded in its access log */
          purpose: string;
        };
        path: {
          /** @description A case id */
          id: string;
        };
      };
      responses: {
        /** @description The dossier, with its SHA-256 in the X-Checksum-Sha256 and Content-Digest headers */
        200: {
          content: {
            "application/json": {
              [key: string]: unknown;
            };
            "application/pdf": string;
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/{id}/identity": {
    /**
     * The full identity numbers of the case's person and guardians, shown for a stated reason, which the access log records
     * @description Roles: caseworker, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description A case id */
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description Why the number is needed, e.g. "Oppslag i Folkeregisteret" */
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              guardians: {
                  id: string;
                  identityNumber: string;
                }[];
              identityNumber: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/{id}/integrity": {
    /**
     * Verifies every hash chain of the case (the history of each of its instances, its access log) and their seals; names the first row that does not match
     * @description Roles: caseworker, intake-group, coordinator, auditor, admin.
     *
     * Roles: caseworker, intake-group, coordinator, auditor, admin.
     */
    get: {
      parameters: {
        query?: {
          /** @description Why you read the case; recorded in its access log */
          purpose?: string;
        };
        path: {
          /** @description A case id */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              chains: ({
                  chain: "history" | "access";
                  key: string;
                  ok: boolean;
                  problem: ({
                    chain: "history" | "access" | "seal";
                    /** @description gap, hash, unchained, removed-unrecorded, head, seal-missing, seal-changed or seal-hash */
                    code: string;
                    /** @description The instance key (history), case id (access) or seal id (seal) */
                    key: string;
                    message: string;
                    /** @description The first row that does not match */
                    seq: number | null;
                  }) | null;
                  /** @description Rows whose data the retention job removed, checked by the recorded hash */
                  removed: number;
                  rows: number;
                  sealedThrough: number | null;
                  /** @description Rows from before the chain existed */
                  unchained: number;
                })[];
              /** Format: date-time */
              checkedAt: string;
              newestSeal: {
                id: string;
                /** Format: date-time */
                sealedAt: string;
                sealHash: string;
              } | null;
              ok: boolean;
              problems: ({
                  chain: "history" | "access" | "seal";
                  /** @description gap, hash, unchained, removed-unrecorded, head, seal-missing, seal-changed or seal-hash */
                  code: string;
                  /** @description The instance key (history), case id (access) or seal id (seal) */
                  key: string;
                  message: string;
                  /** @description The first row that does not match */
                  seq: number | null;
                })[];
              seals: {
                checked: number;
                ok: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/{id}/letters": {
    /**
     * A case's letters, oldest first (the reading goes into the case's access log)
     * @description Roles: caseworker, auditor, admin.
     *
     * Roles: caseworker, auditor, admin.
     */
    get: {
      parameters: {
        query?: {
          /** @description Why the letter is opened (recorded) */
          purpose?: string;
        };
        path: {
          /** @description The case id */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              items: components["schemas"]["def-1"][];
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/{id}/path": {
    /**
     * The path the case took, to draw on its diagrams: for each of its instances the exact BPMN it ran, visits per element, flows taken, where it stands, open incidents, cancelled branches
     * @description Roles: caseworker, intake-group, coordinator, auditor, admin.
     *
     * Roles: caseworker, intake-group, coordinator, auditor, admin.
     */
    get: {
      parameters: {
        query: {
          /** @description Why you read the case; recorded in its access log */
          purpose: string;
        };
        path: {
          /** @description A case id */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              caseId: string;
              instances: ({
                  active: string[];
                  flows: {
                    [key: string]: number;
                  };
                  incidents: string[];
                  instanceKey: string;
                  parentKey: string | null;
                  processId: string;
                  status: string;
                  terminated: string[];
                  version: number;
                  visits: {
                    [key: string]: number;
                  };
                  /** @description The BPMN of the exact definition version the instance ran */
                  xml: string;
                })[];
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/{id}/timeline": {
    /**
     * The case's history in words (nb/nn): who did each step, when and what they entered, what the municipality did, decisions with their reasons, letters, deadlines; the read is recorded with its purpose
     * @description Roles: caseworker, intake-group, coordinator, auditor, admin.
     *
     * Roles: caseworker, intake-group, coordinator, auditor, admin.
     */
    get: {
      parameters: {
        query: {
          /** @description Bokmål or nynorsk; the case's own language when left out */
          lang?: "nb" | "nn";
          /** @description Why you read the case; recorded in its access log */
          purpose: string;
        };
        path: {
          /** @description A case id */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              caseId: string;
              entries: ({
                  actor: {
                    name: string;
                    role: string;
                    username: string;
                  } | null;
                  /** Format: date-time */
                  at: string;
                  /** @description For a step done again: what changed since last time */
                  changes: {
                      after: string;
                      before: string;
                      label: string;
                    }[];
                  decision?: {
                    facts: {
                        key: string;
                        label: string;
                        value: string;
                      }[];
                    id: string;
                    reasons: ({
                        law: string | null;
                        reason: string;
                        rule: string;
                      })[];
                    ruleSetId: string;
                    version: number;
                  };
                  elementId: string | null;
                  /** @description What the person entered at the step */
                  entered: {
                      key: string;
                      label: string;
                      value: string;
                    }[];
                  instanceKey: string | null;
                  kind: "start" | "human" | "automatic" | "decision" | "letter" | "deadline" | "withdrawal" | "incident" | "end";
                  letter?: {
                    approvedAt: string | null;
                    approvedBy: string | null;
                    channel: string | null;
                    checksum: string;
                    draftedAt: string;
                    id: string;
                    kind: string;
                    sentAt: string | null;
                    status: string;
                  };
                  /** @description The engine history row it comes from */
                  seq: number | null;
                  /** @description The entry in one sentence, in the language asked for */
                  text: string;
                })[];
              language: "nb" | "nn";
              reference: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/{id}/withdraw": {
    /**
     * The person withdraws the enquiry: the case ends at whatever step it is, with the reason recorded
     * @description Roles: caseworker, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description A case id */
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          content: {
            "application/json": {
              id: string;
              withdrawn: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/duplicate-check": {
    /**
     * Before an enquiry is registered: is the person known, and the open case it would be linked to (the number in the body, never a URL)
     * @description Roles: caseworker, admin.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            identityNumber: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              openCase: {
                id: string;
                receivedOn: string;
                reference: string;
                status: string;
                unit: string;
              } | null;
              person: {
                name: string;
              } | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/intake-settings": {
    /**
     * What the one door checks an enquiry against: the server's date and whether synthetic test identity numbers are accepted
     * @description Roles: caseworker, admin.
     *
     * Roles: caseworker, admin.
     */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              allowSyntheticIdentities: boolean;
              /** Format: date-time */
              now: string;
              /** Format: date */
              today: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/cases/search": {
    /**
     * Cases found by identity number, case reference or a part of the person's name (sent in the body, so a number never appears in a URL or access log line); open cases first, at most 50
     * @description Roles: caseworker, auditor, admin.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            /** @description A person's cases, with the number shown in full to those who may see it */
            identityNumber?: string;
            /** @description KE-2026-00008, 11 digits, or a part of a name; identity numbers in the answer are masked */
            query?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              items: ({
                  channel: string;
                  deadline: string;
                  id: string;
                  instanceKey: string | null;
                  linkedCaseId: string | null;
                  overdue?: boolean;
                  person?: {
                    birthDate: string;
                    identityNumber: string;
                    name: string;
                  };
                  receivedOn: string;
                  reference: string;
                  route: string | null;
                  status: string;
                  unit: string;
                  [key: string]: unknown;
                })[];
              /** @description What the query was read as: reference, identity-number or name */
              kind?: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/coordinators": {
    /**
     * The coordinator register, with each coordinator's current load
     * @description Roles: caseworker, intake-group, coordinator, auditor, admin.
     *
     * Roles: caseworker, intake-group, coordinator, auditor, admin.
     */
    get: {
      parameters: {
        query?: {
          active?: boolean;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
                active: boolean;
                capacity: number;
                childCoordinatorQualified: boolean;
                /** @description Open cases the coordinator is appointed to */
                currentLoad: number;
                email: string | null;
                id: string;
                name: string;
                phone: string | null;
                profession: string;
                trainedOn: string | null;
                trainingCompleted: boolean;
                unit: string;
                username: string | null;
              })[];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
    /**
     * Add a coordinator to the register
     * @description A training date is not in the future, and is given only when the training is completed.
     *
     * Roles: caseworker, admin.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            active?: boolean;
            capacity: number;
            childCoordinatorQualified: boolean;
            /** Format: email */
            email?: string | null;
            name: string;
            phone?: string | null;
            profession: string;
            /** Format: date */
            trainedOn?: string | null;
            trainingCompleted: boolean;
            unit: string;
            username?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              active: boolean;
              capacity: number;
              childCoordinatorQualified: boolean;
              /** @description Open cases the coordinator is appointed to */
              currentLoad: number;
              email: string | null;
              id: string;
              name: string;
              phone: string | null;
              profession: string;
              trainedOn: string | null;
              trainingCompleted: boolean;
              unit: string;
              username: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/coordinators/{id}": {
    /**
     * One coordinator
     * @description Roles: caseworker, intake-group, coordinator, auditor, admin.
     *
     * Roles: caseworker, intake-group, coordinator, auditor, admin.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              active: boolean;
              capacity: number;
              childCoordinatorQualified: boolean;
              /** @description Open cases the coordinator is appointed to */
              currentLoad: number;
              email: string | null;
              id: string;
              name: string;
              phone: string | null;
              profession: string;
              trainedOn: string | null;
              trainingCompleted: boolean;
              unit: string;
              username: string | null;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
    /**
     * Change a coordinator (training, capacity, qualification, active)
     * @description A training date is not in the future, and is given only when the training is completed. The rules apply to the coordinator as changed.
     *
     * Roles: caseworker, admin.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            active?: boolean;
            capacity?: number;
            childCoordinatorQualified?: boolean;
            /** Format: email */
            email?: string | null;
            name?: string;
            phone?: string | null;
            profession?: string;
            /** Format: date */
            trainedOn?: string | null;
            trainingCompleted?: boolean;
            unit?: string;
            username?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              active: boolean;
              capacity: number;
              childCoordinatorQualified: boolean;
              /** @description Open cases the coordinator is appointed to */
              currentLoad: number;
              email: string | null;
              id: string;
              name: string;
              phone: string | null;
              profession: string;
              trainedOn: string | null;
              trainingCompleted: boolean;
              unit: string;
              username: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/decisions": {
    /**
     * Decisions recorded in a process instance or a case, in the order they were made
     * @description Give processInstanceKey or caseReference (or both). caseReference is the case's reference as its letters print it (KE-2026-00008); a case id (digits) is taken too, and a reference no case has is matched as the process recorded it.
     *
     * Roles: auditor, caseworker.
     *
     * Roles: auditor, caseworker.
     */
    get: {
      parameters: {
        query?: {
          processInstanceKey?: string;
          /** @description The case reference (KE-2026-00008), or the case id */
          caseReference?: string;
          /** @description The rule set id, kebab-case */
          ruleSetId?: string;
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
                actor: string | null;
                caseReference: string | null;
                declaredVersion: number;
                elementId: string | null;
                /** Format: date-time */
                evaluatedAt: string;
                events: unknown[];
                /** @description The facts the rules read and what they were derived from; identity numbers masked */
                facts: unknown;
                id: string;
                processInstanceKey: string | null;
                reasons: ({
                    candidateId?: string;
                    law: string | null;
                    points?: number;
                    /** @description Bokmål, worded so a decision letter can quote it */
                    reason: string;
                    /** @description The same in nynorsk */
                    reasonNn: string;
                    rule: string;
                  })[];
                ruleSetId: string;
                version: number;
              })[];
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/deployments": {
    /**
     * Deploy BPMN and form files, all or nothing
     * @description Send multipart/form-data with one file per resource (BPMN, and form-js forms named *.form), or one BPMN XML body (application/xml) with ?name=file.bpmn. A byte-identical redeploy returns the existing version. A broken file refuses the whole deployment (400 naming the file and the element or form component), and so does a user task linking a form (zeebe:formDefinition formId) that is neither in the deployment nor deployed before.
     *
     * Roles: process-owner, admin.
     */
    post: {
      parameters: {
        query?: {
          name?: string;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              deploymentKey: string;
              forms: {
                  /** Format: date-time */
                  deployedAt: string;
                  deploymentKey: string;
                  formId: string;
                  isNew: boolean;
                  key: string;
                  resourceName: string;
                  version: number;
                }[];
              processes: ({
                  isNew: boolean;
                  key: string;
                  name: string | null;
                  processId: string;
                  resourceName: string;
                  version: number;
                })[];
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        413: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        415: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/forms": {
    /**
     * Deployed forms: the latest version of each, and all versions
     * @description Roles: any signed-in user.
     *
     * Roles: any signed-in user.
     */
    get: {
      parameters: {
        query?: {
          formId?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              all: {
                  /** Format: date-time */
                  deployedAt: string;
                  deploymentKey: string;
                  formId: string;
                  key: string;
                  resourceName: string;
                  version: number;
                }[];
              latest: {
                  /** Format: date-time */
                  deployedAt: string;
                  deploymentKey: string;
                  formId: string;
                  key: string;
                  resourceName: string;
                  version: number;
                }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/forms/{id}": {
    /**
     * One form with its form-js schema: the latest version, or ?version=
     * @description Roles: any signed-in user.
     *
     * Roles: any signed-in user.
     */
    get: {
      parameters: {
        query?: {
          version?: number;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: date-time */
              deployedAt: string;
              deploymentKey: string;
              formId: string;
              key: string;
              resourceName: string;
              /** @description The form-js schema, as deployed */
              schema: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/incidents": {
    /**
     * Incidents, newest first
     * @description Process owners, admins and auditors see every incident; a caseworker those of instances that belong to no case or to a case they may read.
     *
     * Roles: process-owner, admin, auditor, caseworker.
     *
     * Roles: process-owner, admin, auditor, caseworker.
     */
    get: {
      parameters: {
        query?: {
          state?: "active" | "resolved";
          instanceKey?: string;
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
                /** Format: date-time */
                createdAt: string;
                elementId: string;
                elementInstanceId: number;
                instanceKey: string;
                key: string;
                message: string;
                /** Format: date-time */
                resolvedAt: string | null;
                resolvedBy: string | null;
                state: string;
                type: string;
              })[];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/incidents/{key}/resolve": {
    /**
     * Resolve an incident: the failed step runs again with the variables as they are now
     * @description Roles: process-owner, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: date-time */
              createdAt: string;
              elementId: string;
              elementInstanceId: number;
              instanceKey: string;
              key: string;
              message: string;
              /** Format: date-time */
              resolvedAt: string | null;
              resolvedBy: string | null;
              state: string;
              type: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/letters/{id}": {
    /**
     * One letter: status, approval and dispatch (the reading goes into the case's access log)
     * @description Roles: caseworker, auditor, admin.
     *
     * Roles: caseworker, auditor, admin.
     */
    get: {
      parameters: {
        path: {
          /** @description The letter id */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["def-1"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/letters/{id}/mark-sent-by-post": {
    /**
     * Record that an approved or failed letter went out on paper; the process step waiting on it moves on
     * @description Roles: caseworker, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description The letter id */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["def-1"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/letters/{id}/pdf": {
    /**
     * The letter as stored: the draft, or exactly what was approved and sent (the opening is recorded)
     * @description Roles: caseworker, auditor, admin.
     *
     * Roles: caseworker, auditor, admin.
     */
    get: {
      parameters: {
        query?: {
          /** @description Why the letter is opened (recorded) */
          purpose?: string;
        };
        path: {
          /** @description The letter id */
          id: string;
        };
      };
      responses: {
        /** @description The letter as PDF */
        200: {
          content: {
            "application/pdf": string;
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/letters/{id}/preview": {
    /**
     * Render a draft again before approval, optionally in the other language or with a reworded assessment; nothing is stored
     * @description Roles: caseworker, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description The letter id */
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            assessment?: string;
            language?: "nb" | "nn";
          };
        };
      };
      responses: {
        /** @description The letter as PDF */
        200: {
          content: {
            "application/pdf": string;
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/letters/{id}/resend": {
    /**
     * Send a failed letter again; when it goes out, the process step waiting on it moves on. A new failure shows in lastError
     * @description Roles: caseworker, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description The letter id */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["def-1"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/me/preferences": {
    /**
     * Your preferences (language)
     * @description Roles: any signed-in user.
     *
     * Roles: any signed-in user.
     */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /**
               * @description nb: bokmål, nn: nynorsk
               * @enum {string}
               */
              language: "nb" | "nn";
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
    /**
     * Remember your preferences (language)
     * @description Roles: any signed-in user.
     */
    put: {
      requestBody: {
        content: {
          "application/json": {
            /**
             * @description nb: bokmål, nn: nynorsk
             * @enum {string}
             */
            language: "nb" | "nn";
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /**
               * @description nb: bokmål, nn: nynorsk
               * @enum {string}
               */
              language: "nb" | "nn";
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/meetings": {
    /**
     * The intake group's meetings, earliest first
     * @description Roles: caseworker, intake-group, auditor, admin.
     *
     * Roles: caseworker, intake-group, auditor, admin.
     */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
                id: string;
                location: string | null;
                note: string | null;
                /** Format: date-time */
                startsAt: string;
                status: string;
              })[];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
    /**
     * Schedule a meeting
     * @description Roles: caseworker, admin.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            location?: string;
            note?: string;
            /** Format: date-time */
            startsAt: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              id: string;
              location: string | null;
              note: string | null;
              /** Format: date-time */
              startsAt: string;
              status: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/meetings/{id}": {
    /**
     * A meeting with its agenda and the outcome per case
     * @description The agenda lists the cases the reader may read (GET /api/cases/{id}); each one shown is recorded in its access log.
     *
     * Roles: caseworker, intake-group, auditor, admin.
     *
     * Roles: caseworker, intake-group, auditor, admin.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              agenda: ({
                  caseId: string;
                  caseReference: string;
                  caseStatus: string;
                  /** Format: date */
                  deadline: string;
                  /** @description Why the case needs the group: the complexity rules' reasons (bokmål, nynorsk) */
                  needs: {
                      reason: string;
                      reasonNn: string;
                      rule: string;
                    }[];
                  /** @description The agencies told that the case goes to the group */
                  notifiedAgencies: string[];
                  outcomeNote: string | null;
                  /** @description The open user task in which the group's outcome is recorded (completing it moves the KE process on); null when there is none */
                  outcomeTaskKey: string | null;
                  /** @description null when the case is on the agenda for anonymous discussion */
                  personName: string | null;
                  position: number;
                  recommendation: string | null;
                  /** Format: date-time */
                  recordedAt: string | null;
                  recordedBy: string | null;
                  responsibleUnit: string | null;
                })[];
              attendance: {
                attendees: string[];
                /** Format: date-time */
                heldAt: string | null;
                heldBy: string | null;
              };
              meeting: {
                id: string;
                location: string | null;
                note: string | null;
                /** Format: date-time */
                startsAt: string;
                status: string;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
    /**
     * Move, hold or cancel a meeting
     * @description Roles: caseworker, admin.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            location?: string;
            note?: string;
            /** Format: date-time */
            startsAt?: string;
            status?: "planned" | "held" | "cancelled";
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
              location: string | null;
              note: string | null;
              /** Format: date-time */
              startsAt: string;
              status: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/meetings/{id}/agenda": {
    /**
     * Put a case on a meeting's agenda by hand (the KE process does it for complex cases)
     * @description The secretary's (a KE caseworker's) work, for a case they may read; a case they may not read is 404.
     *
     * Roles: caseworker, admin.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            caseId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              caseId: string;
              meetingId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/meetings/{id}/agenda/{caseId}/outcome": {
    /**
     * Record the group's outcome for a case on the agenda: who takes responsibility, what it recommends
     * @description Only for a case on this meeting's agenda that the recorder may read; otherwise 404.
     *
     * Roles: caseworker, intake-group, admin.
     */
    put: {
      parameters: {
        path: {
          id: string;
          caseId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            note?: string;
            recommendation: string;
            responsibleUnit: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              caseId: string;
              meetingId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/meetings/{id}/held": {
    /**
     * Record the meeting as held, with who attended (at or after its start; names are added to any recorded before)
     * @description Roles: caseworker, intake-group, admin.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            attendees: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              attendees: string[];
              /** Format: date-time */
              heldAt: string;
              heldBy: string;
              meetingId: string;
              status: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/messages": {
    /**
     * Publish a message (Zeebe semantics: correlated at most once per process; buffered for its time to live)
     * @description A message that a KE casework process (ke-sak and what it calls) waits for or starts on is refused with 403: the casework publishes those itself.
     *
     * Roles: process-owner, admin.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            /** @description Matched against the subscriptions' correlation keys; may be empty only for message start events */
            correlationKey: string;
            /** @description Makes publishing idempotent: the same name and id while the first is buffered is refused with 409 */
            messageId?: string;
            /** @description The message name the subscriptions wait for */
            name: string;
            /** @description How long the message stays buffered for subscriptions opened later; 0 (the default) means correlate now or never */
            timeToLive?: number | string;
            /** @description Variables by name (JSON values) */
            variables?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              correlations: {
                  elementId: string;
                  instanceKey: string;
                  processId: string;
                  /** @description True when the message started the instance (a message start event) */
                  started: boolean;
                }[];
              /** Format: date-time */
              expiresAt: string;
              messageKey: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/process-definitions": {
    /**
     * Deployed process definitions: the latest version of each, and all versions (without their XML)
     * @description Roles: process-owner, admin, auditor, caseworker.
     *
     * Roles: process-owner, admin, auditor, caseworker.
     */
    get: {
      parameters: {
        query?: {
          processId?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              all: ({
                  /** Format: date-time */
                  deployedAt: string;
                  deploymentKey: string;
                  key: string;
                  name: string | null;
                  processId: string;
                  resourceName: string;
                  version: number;
                  xml?: string;
                })[];
              latest: ({
                  /** Format: date-time */
                  deployedAt: string;
                  deploymentKey: string;
                  key: string;
                  name: string | null;
                  processId: string;
                  resourceName: string;
                  version: number;
                  xml?: string;
                })[];
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/process-definitions/{key}": {
    /**
     * One definition, with its BPMN XML
     * @description Roles: process-owner, admin, auditor, caseworker.
     *
     * Roles: process-owner, admin, auditor, caseworker.
     */
    get: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: date-time */
              deployedAt: string;
              deploymentKey: string;
              key: string;
              name: string | null;
              processId: string;
              resourceName: string;
              version: number;
              xml?: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/process-instances": {
    /**
     * Start an instance of a deployed process (the latest version unless one is named)
     * @description The KE casework's processes (ke-sak and what it calls) are refused with 403: a case is started by registering an enquiry (POST /api/cases).
     *
     * Roles: caseworker, process-owner, admin.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            bpmnProcessId: string;
            businessKey?: string;
            /** @description Variables by name (JSON values) */
            variables?: {
              [key: string]: unknown;
            };
            version?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              activeElements: {
                  elementId: string;
                  elementInstanceId: number;
                  status: string;
                }[];
              businessKey: string | null;
              /** @description Instances this one started through call activities */
              children: {
                  instanceKey: string;
                  /** @description The call activity element instance that started it */
                  parentElementInstanceId: number;
                  processId: string;
                  status: string;
                  version: number;
                }[];
              definitionKey: string;
              /** Format: date-time */
              endedAt: string | null;
              incidents: ({
                  /** Format: date-time */
                  createdAt: string;
                  elementId: string;
                  elementInstanceId: number;
                  instanceKey: string;
                  key: string;
                  message: string;
                  /** Format: date-time */
                  resolvedAt: string | null;
                  resolvedBy: string | null;
                  state: string;
                  type: string;
                })[];
              key: string;
              /** @description Set when a call activity started this instance */
              parent: {
                /** @description The call activity that started this instance */
                elementInstanceId: number;
                instanceKey: string;
                rootInstanceKey: string;
              } | null;
              processId: string;
              /** Format: date-time */
              startedAt: string;
              status: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
              version: number;
              /** @description True when this belongs to a case you may not read (a process owner): its variables are left out */
              withheld?: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/process-instances/{key}": {
    /**
     * An instance: state, active elements, variables, open incidents
     * @description  An instance of a case is shown only to those who may read the case (others get 404, as for the case), process owners without its variables (withheld); the read goes into the case's access log.
     *
     * Roles: caseworker, intake-group, process-owner, auditor, admin.
     *
     * Roles: caseworker, intake-group, process-owner, auditor, admin.
     */
    get: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              activeElements: {
                  elementId: string;
                  elementInstanceId: number;
                  status: string;
                }[];
              businessKey: string | null;
              /** @description Instances this one started through call activities */
              children: {
                  instanceKey: string;
                  /** @description The call activity element instance that started it */
                  parentElementInstanceId: number;
                  processId: string;
                  status: string;
                  version: number;
                }[];
              definitionKey: string;
              /** Format: date-time */
              endedAt: string | null;
              incidents: ({
                  /** Format: date-time */
                  createdAt: string;
                  elementId: string;
                  elementInstanceId: number;
                  instanceKey: string;
                  key: string;
                  message: string;
                  /** Format: date-time */
                  resolvedAt: string | null;
                  resolvedBy: string | null;
                  state: string;
                  type: string;
                })[];
              key: string;
              /** @description Set when a call activity started this instance */
              parent: {
                /** @description The call activity that started this instance */
                elementInstanceId: number;
                instanceKey: string;
                rootInstanceKey: string;
              } | null;
              processId: string;
              /** Format: date-time */
              startedAt: string;
              status: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
              version: number;
              /** @description True when this belongs to a case you may not read (a process owner): its variables are left out */
              withheld?: boolean;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/process-instances/{key}/cancel": {
    /**
     * Cancel an active instance and the instances it called (an instance a call activity started is refused with 409: cancel its root)
     * @description An instance of the KE casework's processes is refused with 403: withdraw its case (POST /api/cases/{id}/withdraw).
     *
     * Roles: process-owner, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              activeElements: {
                  elementId: string;
                  elementInstanceId: number;
                  status: string;
                }[];
              businessKey: string | null;
              /** @description Instances this one started through call activities */
              children: {
                  instanceKey: string;
                  /** @description The call activity element instance that started it */
                  parentElementInstanceId: number;
                  processId: string;
                  status: string;
                  version: number;
                }[];
              definitionKey: string;
              /** Format: date-time */
              endedAt: string | null;
              incidents: ({
                  /** Format: date-time */
                  createdAt: string;
                  elementId: string;
                  elementInstanceId: number;
                  instanceKey: string;
                  key: string;
                  message: string;
                  /** Format: date-time */
                  resolvedAt: string | null;
                  resolvedBy: string | null;
                  state: string;
                  type: string;
                })[];
              key: string;
              /** @description Set when a call activity started this instance */
              parent: {
                /** @description The call activity that started this instance */
                elementInstanceId: number;
                instanceKey: string;
                rootInstanceKey: string;
              } | null;
              processId: string;
              /** Format: date-time */
              startedAt: string;
              status: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
              version: number;
              /** @description True when this belongs to a case you may not read (a process owner): its variables are left out */
              withheld?: boolean;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/process-instances/{key}/history": {
    /**
     * Everything that happened to an instance, in order, with who did it
     * @description  An instance of a case is shown only to those who may read the case (others get 404, as for the case), process owners without its variables (withheld); the read goes into the case's access log. Withheld entries keep their type, element, actor and time, without data.
     *
     * Roles: caseworker, intake-group, process-owner, auditor, admin.
     *
     * Roles: caseworker, intake-group, process-owner, auditor, admin.
     */
    get: {
      parameters: {
        query?: {
          after?: number;
          limit?: number;
        };
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
                actor: string | null;
                /** Format: date-time */
                at: string;
                data: {
                  [key: string]: unknown;
                };
                elementId: string | null;
                elementInstanceId: number | null;
                seq: number;
                type: string;
              })[];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/process-instances/{key}/variables": {
    /**
     * Set variables on the process scope, e.g. to fix the cause of an incident before resolving it
     * @description An instance of the KE casework's processes is refused with 403: its variables change through its tasks' forms. An instance of a case you may not read is 404.
     *
     * Roles: process-owner, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description Variables by name (JSON values) */
            variables: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              activeElements: {
                  elementId: string;
                  elementInstanceId: number;
                  status: string;
                }[];
              businessKey: string | null;
              /** @description Instances this one started through call activities */
              children: {
                  instanceKey: string;
                  /** @description The call activity element instance that started it */
                  parentElementInstanceId: number;
                  processId: string;
                  status: string;
                  version: number;
                }[];
              definitionKey: string;
              /** Format: date-time */
              endedAt: string | null;
              incidents: ({
                  /** Format: date-time */
                  createdAt: string;
                  elementId: string;
                  elementInstanceId: number;
                  instanceKey: string;
                  key: string;
                  message: string;
                  /** Format: date-time */
                  resolvedAt: string | null;
                  resolvedBy: string | null;
                  state: string;
                  type: string;
                })[];
              key: string;
              /** @description Set when a call activity started this instance */
              parent: {
                /** @description The call activity that started this instance */
                elementInstanceId: number;
                instanceKey: string;
                rootInstanceKey: string;
              } | null;
              processId: string;
              /** Format: date-time */
              startedAt: string;
              status: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
              version: number;
              /** @description True when this belongs to a case you may not read (a process owner): its variables are left out */
              withheld?: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/rule-sets": {
    /**
     * Deployed rule sets: the latest version of each, and all its versions (newest first)
     * @description Roles: any signed-in user.
     *
     * Roles: any signed-in user.
     */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
                id: string;
                latest: {
                  /** @description sha256 of the canonical JSON (keys sorted, no whitespace) */
                  checksum: string;
                  /** @description The "version" the file itself declares */
                  declaredVersion: number;
                  /** Format: date-time */
                  deployedAt: string;
                  deployedBy: string | null;
                  description: string;
                  ruleSetId: string;
                  /** @description "case", or "candidate" for coordinator suggestions */
                  subject: string;
                  /** @description Deployed version: 1, 2, 3 ... per rule set */
                  version: number;
                };
                versions: ({
                    /** @description sha256 of the canonical JSON (keys sorted, no whitespace) */
                    checksum: string;
                    /** @description The "version" the file itself declares */
                    declaredVersion: number;
                    /** Format: date-time */
                    deployedAt: string;
                    deployedBy: string | null;
                    description: string;
                    ruleSetId: string;
                    /** @description "case", or "candidate" for coordinator suggestions */
                    subject: string;
                    /** @description Deployed version: 1, 2, 3 ... per rule set */
                    version: number;
                  })[];
              })[];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
    /**
     * Deploy a rule set (the JSON of a rules/*.json file)
     * @description Versioned per id: a new version when the rule set changed (its own "version" must then be raised), the existing version (200, isNew false) when it is the same rule set, byte for byte or after sorting keys and dropping whitespace. An invalid rule set gets 400 SAMFLYT_INVALID_DEFINITION with a detail per problem naming the rule and the field; nothing is stored.
     *
     * Roles: process-owner, admin.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description sha256 of the canonical JSON (keys sorted, no whitespace) */
              checksum: string;
              /** @description The "version" the file itself declares */
              declaredVersion: number;
              /** Format: date-time */
              deployedAt: string;
              deployedBy: string | null;
              description: string;
              isNew: boolean;
              ruleSetId: string;
              /** @description "case", or "candidate" for coordinator suggestions */
              subject: string;
              /** @description Deployed version: 1, 2, 3 ... per rule set */
              version: number;
            };
          };
        };
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** @description sha256 of the canonical JSON (keys sorted, no whitespace) */
              checksum: string;
              /** @description The "version" the file itself declares */
              declaredVersion: number;
              /** Format: date-time */
              deployedAt: string;
              deployedBy: string | null;
              description: string;
              isNew: boolean;
              ruleSetId: string;
              /** @description "case", or "candidate" for coordinator suggestions */
              subject: string;
              /** @description Deployed version: 1, 2, 3 ... per rule set */
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        413: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        415: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/rule-sets/{id}": {
    /**
     * One rule set with its rules: the latest version, or ?version=
     * @description Roles: any signed-in user.
     *
     * Roles: any signed-in user.
     */
    get: {
      parameters: {
        query?: {
          version?: number;
        };
        path: {
          /** @description The rule set id, kebab-case */
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description sha256 of the canonical JSON (keys sorted, no whitespace) */
              checksum: string;
              content: {
                [key: string]: unknown;
              };
              /** @description The "version" the file itself declares */
              declaredVersion: number;
              /** Format: date-time */
              deployedAt: string;
              deployedBy: string | null;
              description: string;
              ruleSetId: string;
              /** @description "case", or "candidate" for coordinator suggestions */
              subject: string;
              /** @description Deployed version: 1, 2, 3 ... per rule set */
              version: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/rule-sets/{id}/evaluate": {
    /**
     * What if: evaluate a rule set on the facts given, without recording anything
     * @description A what-if check: the answer is NOT recorded as a decision in any case (decisions are recorded when a process evaluates a rule set in a business-rule task). Evaluates the latest version unless `version` is given. `facts` are case facts (see src/rules/facts.ts); candidate rule sets (coordinator-suggestion) also take `candidates` from the coordinator register. `result` is what a business-rule task would leave in the process variable `resultVariable`.
     *
     * Roles: caseworker, intake-group, process-owner, auditor.
     */
    post: {
      parameters: {
        path: {
          /** @description The rule set id, kebab-case */
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            candidates?: {
                [key: string]: unknown;
              }[];
            facts: {
              [key: string]: unknown;
            };
            version?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              declaredVersion: number;
              events: unknown[];
              /** @description The facts the rules read and what they were derived from */
              facts: unknown;
              reasons: ({
                  candidateId?: string;
                  law: string | null;
                  points?: number;
                  /** @description Bokmål, worded so a decision letter can quote it */
                  reason: string;
                  /** @description The same in nynorsk */
                  reasonNn: string;
                  rule: string;
                })[];
              /**
               * @description Always false: what-if checks are not case decisions
               * @enum {boolean}
               */
              recorded: false;
              result: {
                [key: string]: unknown;
              };
              resultVariable: string;
              ruleSetId: string;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/tasklist": {
    /**
     * Open tasks in a queue (mine, my groups', unassigned), filtered, sorted and paged, with the count of each queue
     * @description Only tasks the caller may work on (see GET /api/user-tasks); admins see all. The counts apply the same filters. `kinds` lists the processes and tasks among the visible open tasks, for filter choices.
     *
     * Roles: caseworker, intake-group, coordinator, admin.
     *
     * Roles: caseworker, intake-group, coordinator, admin.
     */
    get: {
      parameters: {
        query?: {
          queue?: "mine" | "groups" | "unassigned";
          processId?: string;
          elementId?: string;
          /** @description Part of a case reference, e.g. KE-2026-0004 */
          caseReference?: string;
          /** @description Due on or before this date (Norwegian time) */
          dueBy?: string;
          overdue?: boolean;
          sort?: "due" | "priority" | "age";
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              counts: {
                groups: number;
                mine: number;
                unassigned: number;
              };
              items: ({
                  assignee: string | null;
                  candidateGroups: string[];
                  caseId: string | null;
                  caseReference: string | null;
                  /** Format: date-time */
                  createdAt: string;
                  /** Format: date-time */
                  dueDate: string | null;
                  elementId: string;
                  instanceKey: string;
                  key: string;
                  name: string | null;
                  priority: number;
                  processId: string;
                })[];
              kinds: ({
                  count: number;
                  elementId: string;
                  name: string | null;
                  processId: string;
                })[];
              limit: number;
              offset: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/user-tasks": {
    /**
     * User tasks, highest priority and earliest due first
     * @description A caseworker, intake-group member or coordinator sees the tasks meant for them: assigned to them, naming them as a candidate user, naming one of their roles as a candidate group, or naming nobody. Admins, auditors and process owners see all. A task of a case is listed only to those who may read the case (GET /api/cases/{id}); process owners see such tasks without their variables (withheld). The cases whose tasks are shown record the read.
     *
     * Roles: any signed-in user.
     *
     * Roles: any signed-in user.
     */
    get: {
      parameters: {
        query?: {
          state?: "created" | "completed" | "cancelled";
          assignee?: string;
          candidateGroup?: string[];
          candidateUser?: string;
          processId?: string;
          instanceKey?: string;
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              items: ({
                  assignee: string | null;
                  candidateGroups: string[];
                  candidateUsers: string[];
                  /** Format: date-time */
                  completedAt: string | null;
                  completedBy: string | null;
                  /** Format: date-time */
                  createdAt: string;
                  /** Format: date-time */
                  dueDate: string | null;
                  elementId: string;
                  /** Format: date-time */
                  followUpDate: string | null;
                  formId: string | null;
                  formKey: string | null;
                  instanceKey: string;
                  key: string;
                  name: string | null;
                  priority: number;
                  processId: string;
                  state: string;
                  /** @description Variables by name (JSON values) */
                  variables: {
                    [key: string]: unknown;
                  };
                  /** @description True when this belongs to a case you may not read (a process owner): its variables are left out */
                  withheld?: boolean;
                })[];
              limit: number;
              offset: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/user-tasks/{key}": {
    /**
     * One user task
     * @description Roles: any signed-in user.
     *
     * Roles: any signed-in user.
     */
    get: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              assignee: string | null;
              candidateGroups: string[];
              candidateUsers: string[];
              /** Format: date-time */
              completedAt: string | null;
              completedBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              dueDate: string | null;
              elementId: string;
              /** Format: date-time */
              followUpDate: string | null;
              formId: string | null;
              formKey: string | null;
              instanceKey: string;
              key: string;
              name: string | null;
              priority: number;
              processId: string;
              state: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
              /** @description True when this belongs to a case you may not read (a process owner): its variables are left out */
              withheld?: boolean;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/user-tasks/{key}/claim": {
    /**
     * Claim a task for yourself
     * @description Roles: caseworker, intake-group, coordinator, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              assignee: string | null;
              candidateGroups: string[];
              candidateUsers: string[];
              /** Format: date-time */
              completedAt: string | null;
              completedBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              dueDate: string | null;
              elementId: string;
              /** Format: date-time */
              followUpDate: string | null;
              formId: string | null;
              formKey: string | null;
              instanceKey: string;
              key: string;
              name: string | null;
              priority: number;
              processId: string;
              state: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
              /** @description True when this belongs to a case you may not read (a process owner): its variables are left out */
              withheld?: boolean;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/user-tasks/{key}/complete": {
    /**
     * Complete a task with the submitted variables; a task claimed by someone else gets 409
     * @description The variables are validated against the task's form first (GET /api/user-tasks/{key}/form): a submission that breaks it gets 400 SAMFLYT_VALIDATION with one detail per field problem ({path: the field key, code, message in Norwegian}); nothing is written and the task stays open. A letter-approval task (form id ke-letter-approval) must be completed by someone other than whoever assessed the case (four eyes): the assessor gets 403, and 409 when no assessment is recorded; completing it with letterApproval "approved" approves the letter (the variable letterId, else the newest draft).
     *
     * Roles: caseworker, intake-group, coordinator, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description Variables by name (JSON values) */
            variables?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              assignee: string | null;
              candidateGroups: string[];
              candidateUsers: string[];
              /** Format: date-time */
              completedAt: string | null;
              completedBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              dueDate: string | null;
              elementId: string;
              /** Format: date-time */
              followUpDate: string | null;
              formId: string | null;
              formKey: string | null;
              instanceKey: string;
              key: string;
              name: string | null;
              priority: number;
              processId: string;
              state: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
              /** @description True when this belongs to a case you may not read (a process owner): its variables are left out */
              withheld?: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/user-tasks/{key}/draft": {
    /**
     * Your draft of the task's form: null when you have none (or the task is closed)
     * @description Roles: caseworker, intake-group, coordinator, admin.
     *
     * Roles: caseworker, intake-group, coordinator, admin.
     */
    get: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: date-time */
              updatedAt: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
            } | null;
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
    /**
     * Save what you have typed into the task's form so far (not validated: it is not submitted)
     * @description Roles: caseworker, intake-group, coordinator, admin.
     */
    put: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description Variables by name (JSON values) */
            variables: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: date-time */
              updatedAt: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
    /**
     * Throw away your draft of the task's form
     * @description Roles: caseworker, intake-group, coordinator, admin.
     */
    delete: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/user-tasks/{key}/form": {
    /**
     * The task's form: the deployed form it links (latest version), or one generated from its output mappings
     * @description Roles: any signed-in user.
     *
     * Roles: any signed-in user.
     */
    get: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description What the form opens with (form-js importSchema data): for a prefilled form (property samflyt:prefill), what the enquiry registered; a completion is checked with the submission over it */
              data: {
                [key: string]: unknown;
              };
              formId: string;
              /** @description A form-js schema to render */
              schema: unknown;
              /** @description deployed: the form the task links; generated: made from its output mappings */
              source: "deployed" | "generated";
              version: number | null;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/user-tasks/{key}/unclaim": {
    /**
     * Give a claimed task back (your own; admins any)
     * @description Roles: caseworker, intake-group, coordinator, admin.
     */
    post: {
      parameters: {
        path: {
          /** @description A numeric key */
          key: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              assignee: string | null;
              candidateGroups: string[];
              candidateUsers: string[];
              /** Format: date-time */
              completedAt: string | null;
              completedBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              dueDate: string | null;
              elementId: string;
              /** Format: date-time */
              followUpDate: string | null;
              formId: string | null;
              formKey: string | null;
              instanceKey: string;
              key: string;
              name: string | null;
              priority: number;
              processId: string;
              state: string;
              /** @description Variables by name (JSON values) */
              variables: {
                [key: string]: unknown;
              };
              /** @description True when this belongs to a case you may not read (a process owner): its variables are left out */
              withheld?: boolean;
            };
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        404: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        409: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/api/users": {
    /**
     * List local accounts
     * @description Roles: admin.
     *
     * Roles: admin.
     */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
                active: boolean;
                displayName: string;
                roles: ("caseworker" | "intake-group" | "coordinator" | "process-owner" | "auditor" | "admin")[];
                unit: string | null;
                username: string;
              })[];
          };
        };
        /** @description Default Response */
        401: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        403: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
  "/health": {
    /** Is the process alive */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @enum {string} */
              status: "ok";
            };
          };
        };
      };
    };
  };
  "/ready": {
    /**
     * Is the database reachable, its migrations current, and do engine commands complete
     * @description 503 when the database does not answer within 2000 ms, lacks migrations, or an engine command has run longer than SAMFLYT_COMMAND_STALL_MS (a stuck transaction holds its slot).
     */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              database: "postgres" | "pglite";
              /** @enum {string} */
              status: "ready";
            };
          };
        };
        /** @description Default Response */
        500: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
        /** @description Default Response */
        503: {
          content: {
            "application/json": components["schemas"]["def-0"];
          };
        };
      };
    };
  };
}

export type webhooks = Record<string, never>;

export interface components {
  schemas: {
    /** Error */
    "def-0": {
      /** @description A stable error code from the catalogue, e.g. SAMFLYT_NOT_FOUND */
      code: string;
      details?: {
          /** @description What kind of problem, in English, where a caller may act on it (a form field: required, pattern, option...) */
          code?: string;
          message: string;
          /** @description Where: a JSON pointer, an element id or a line */
          path: string;
        }[];
      /** @description What is wrong, in plain words */
      message: string;
      /** @description Quote this when asking for help: the log has the rest */
      requestId: string;
      /** @description The HTTP status, repeated */
      statusCode: number;
    };
    /** Letter */
    "def-1": {
      /** Format: date-time */
      approvedAt: string | null;
      approvedBy: string | null;
      caseId: string;
      /** @description svarut, outbox (the embedded default) or post */
      channel: string | null;
      /** @description sha256 of the PDF */
      checksum: string;
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      dispatchId: string | null;
      dispatchStatus: string | null;
      id: string;
      instanceKey: string | null;
      kind: "decision" | "interim-reply";
      language: "nb" | "nn";
      /** @description Why the last dispatch failed */
      lastError: string | null;
      /** Format: date-time */
      sentAt: string | null;
      sentBy: string | null;
      status: "draft" | "approved" | "sent" | "failed" | "sent-by-post";
      template: {
        checksum: string;
        name: string;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}

export type $defs = Record<string, never>;

export type external = Record<string, never>;

export type operations = Record<string, never>;

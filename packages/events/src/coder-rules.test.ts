import { describe, expect, it } from 'vitest';
import { createEventCoder } from './coder.js';
import type { CodedEvent } from './types.js';

const coder = createEventCoder();
const code = (text: string): CodedEvent[] => coder.code({ text, publishedAt: '2000-01-05T12:00:00Z' });
const dyads = (events: CodedEvent[]): string[] =>
  events.map((e) => `${e.source?.code ?? '-'}>${e.targets.map((t) => t.code).join('+') || '-'}:${e.type}`);

describe('reciprocal interactions', () => {
  it('codes both parties of talks "with" a partner as sources', () => {
    expect(dyads(code('China held talks with North Korea on Monday.'))).toEqual([
      'CHN>-:CONSULT',
      'PRK>-:CONSULT',
    ]);
    expect(dyads(code('Afghanistan has been sharing intelligence with Pakistan.'))).toEqual([
      'AFG>-:COOPERATE',
      'PAK>-:COOPERATE',
    ]);
  });

  it('treats the object of a phone call as the other party', () => {
    expect(dyads(code('The German chancellor telephoned the French president on Tuesday.'))).toEqual([
      'DEUGOV>-:CONSULT',
      'FRAGOV>-:CONSULT',
    ]);
  });

  it('keeps the direction of visits and meetings', () => {
    expect(dyads(code('Japanese Prime Minister Koizumi visited China.'))).toEqual(['JPNGOV>CHN:CONSULT']);
  });

  it('codes a nominal event with a coordinated subject for each party', () => {
    expect(dyads(code('Israel and Lebanon renewed negotiations today.'))).toEqual([
      'ISR>-:CONSULT',
      'LBN>-:CONSULT',
    ]);
  });
});

describe('disaster filter', () => {
  it('does not read the verbs "storm" and "opened fire" as a storm or a fire', () => {
    expect(
      dyads(
        code(
          'Georgian President Eduard Shevardnadze resigned as the opposition threatened to storm his residence.',
        ),
      ),
    ).toContain('GEOGOV>-:RETREAT');
    expect(dyads(code('Egyptian police opened fire on demonstrators in Cairo.'))).toEqual([
      'EGYCOP>EGYCVL:ASSAULT',
    ]);
  });
});

describe('protest targets', () => {
  it("directs a protest without a named target at the protesters' government, after country inference", () => {
    expect(
      dyads(code('Thousands of students throughout Indonesia staged mass demonstrations on Saturday.')),
    ).toEqual(['IDNCVL>IDNGOV:PROTEST']);
  });
});

describe('where the object zone ends', () => {
  it('does not take parties after "according to", "without …ing" or ", and said" as targets', () => {
    expect(
      dyads(code('Ousted President Askar Akayev has agreed to resign without returning to Kyrgyzstan.')),
    ).toEqual(['KGZELI>-:AGREE']);
    expect(
      dyads(
        code(
          'Ivory Coast rebels rejected a Senegalese peace plan, and said they opposed the deployment of troops.',
        ),
      ),
    ).toContain('CIVREB>SEN:REJECT');
  });

  it('does not take the parties of a purpose clause as targets of a request', () => {
    expect(
      dyads(
        code(
          'Maduro wrote to Xi Jinping requesting expanded military cooperation to counter tensions between the U.S. and Venezuela.',
        ),
      ).filter((d) => d.includes('USA')),
    ).toEqual([]);
  });
});

describe('prepositions that mark the target', () => {
  it('treats the "to" of a complaint as its addressee, not its target', () => {
    expect(dyads(code('Lebanon complained to the United Nations over two Israeli air raids.'))).toEqual([
      'LBN>ISR:ACCUSE',
    ]);
  });

  it('takes the recipient of aid after "to", not the thing given', () => {
    expect(dyads(code('The United States is providing military intelligence to Macedonia.'))).toEqual([
      'USA>MKD:AID',
    ]);
  });

  it('takes the place as target of a concession or a request for refuge', () => {
    expect(dyads(code('Serbia eased emergency measures on Wednesday in Montenegro.'))).toEqual([
      'SRB>MNE:CONCEDE',
    ]);
    expect(dyads(code('Thousands of Iraqi Kurds sought refuge in Germany last month.'))).toEqual([
      'IRQCVL>DEU:REQUEST',
    ]);
  });

  it('codes inspectors sent to a place as an investigation of it', () => {
    expect(dyads(code('The IAEA has dispatched inspectors to a plant in central Iran.'))).toEqual([
      'IGOIAE>IRN:ACCUSE',
    ]);
  });
});

describe('verb forms', () => {
  it('reads "a United Nations appeal" and "a US offer" as nouns, not verbs', () => {
    expect(dyads(code('Beirut again rejected a United Nations appeal for deploying army troops.'))).toEqual([
      'LBNGOV>IGOUNO:REJECT',
    ]);
    expect(dyads(code('Arafat rejected a US offer to host a summit.'))).toEqual(['PSEGOV>USA:REJECT']);
  });

  it('allows an adverb before a particle and reads "is opposed to" as active', () => {
    expect(dyads(code('The UK is pushing hard for US support.'))).toEqual(['GBR>USA:REQUEST']);
    expect(dyads(code('Israel is opposed to French mediation in the talks.'))).toEqual(['ISR>FRA:REJECT']);
  });

  it('reads a gerund after "resume" as the action and British "cancelled"', () => {
    expect(
      dyads(code('The Macedonian army prepared to resume shelling Albanian rebel-held territory.')),
    ).toEqual(['MKDMIL>ALB:MOBILIZE']);
    expect(dyads(code('A French minister has cancelled a planned visit to Haiti.'))).toEqual([
      'FRAGOV>HTI:SANCTION',
    ]);
  });

  it('keeps "to be deployed" in the background of the main verb', () => {
    expect(
      dyads(code('The United Nations rejected a call for its forces to be deployed in East Timor.')),
    ).toEqual(['IGOUNO>-:REJECT']);
  });
});

describe('reported speech', () => {
  it('codes "X said Y must …" even when a background request is in the sentence', () => {
    expect(
      dyads(
        code(
          'A British minister reiterated that Libya must hand over the bombers as he left to seek support.',
        ),
      ),
    ).toEqual(['GBRGOV>LBY:REQUEST']);
  });

  it('does not make the reporter the source of an arrival', () => {
    expect(
      dyads(code('Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday, U.N. officials said.')),
    ).toEqual([]);
  });
});

describe('disaster context', () => {
  it('keeps a disaster named in an earlier sentence as the context of a state of emergency', () => {
    expect(
      code(
        'More than 200 fires are burning across the region. The government declared a state of emergency.',
      ),
    ).toEqual([]);
    expect(dyads(code('The army declared a state of emergency in the capital.'))).toEqual([
      '---MIL>-:COERCE',
    ]);
  });
});

describe('coordinated verbs', () => {
  it('gives a coordinated verb the subject of the first verb, never its object', () => {
    expect(dyads(code('Police arrested one protester and wounded two others.'))).toEqual([
      '---COP>---CVL:COERCE',
      '---COP>-:ASSAULT',
    ]);
  });
});

describe('unidentified attackers', () => {
  it('codes armed violence by no named actor as unidentified armed forces of the place', () => {
    expect(dyads(code('A roadside bombing near Samarra on Sunday killed one U.S. soldier.'))).toEqual([
      'IRQUAF>USAMIL:ASSAULT',
    ]);
    expect(
      dyads(code('Three US servicemen were killed by an improvised explosive device outside Basra.')),
    ).toEqual(['IRQUAF>USAMIL:ASSAULT']);
  });

  it('does not invent attackers for accidents', () => {
    expect(code('A bus crash near Basra killed three US servicemen.')).toEqual([]);
  });
});

describe('main and background events', () => {
  it('keeps a meeting directed and a reduced relative participle in the background', () => {
    expect(
      dyads(
        code(
          'Moroccan diplomats held their first meeting with President Obama at a lunch hosted by the ambassador.',
        ),
      ),
    ).toEqual(['MARGOV>USAGOV:CONSULT']);
  });

  it('takes a country adjective of the direct object before a later prepositional actor', () => {
    expect(dyads(code('Israel is opposed to French mediation in peace negotiations with Syria.'))).toEqual([
      'ISR>FRA:REJECT',
    ]);
  });
});

describe('helped actions', () => {
  it('codes the helped action, not aid, after "help"', () => {
    expect(dyads(code('Saudi Arabia mobilized groups to help support the rights of Palestinians.'))).toEqual([
      'SAU>PSECVL:SUPPORT',
    ]);
  });
});

describe('appositives', () => {
  it('takes the speaker before an appositive between subject and speech verb', () => {
    expect(
      dyads(
        code(
          'The Nigerian Union of Teachers (NUT), the umbrella union for teachers, announced Thursday that it has called off a strike.',
        ),
      ),
    ).toEqual(['NGALAB>-:CONCEDE']);
  });
});

describe('mobilisation and location', () => {
  it('does not make the forces mobilised the target', () => {
    expect(dyads(code('The government of Pakistan has ordered patrols by police and soldiers.'))).toEqual([
      'PAKGOV>-:MOBILIZE',
    ]);
  });

  it('gives the country of the location', () => {
    const [event] = code('Protesters rallied against the government in Caracas.');
    expect([event?.location, event?.locationCountry]).toEqual(['Caracas', 'VEN']);
  });
});

describe('domestic places', () => {
  it('targets the source country for a concession in a place the lexicon does not know', () => {
    expect(dyads(code("Sudan's government lifted a state of emergency in the Marieholm district."))).toEqual([
      'SDNGOV>SDN:CONCEDE',
    ]);
  });

  it('reads "in West Darfur" as a place and states a curfew extension as a threat', () => {
    expect(dyads(code("Sudan's government lifted a state of emergency in West Darfur."))).toEqual([
      'SDNGOV>SDN:CONCEDE',
    ]);
    expect(
      dyads(code('President Laurent Gbagbo announced that he will extend the night-time curfew in Abidjan.')),
    ).toEqual(['CIVGOV>CIV:THREATEN']);
  });

  it('does not take a country from a place in a later conditional clause', () => {
    expect(
      dyads(code('Syria says it will not accept any more refugees if war starts in Iraq.')),
    ).not.toContain('SYR>IRQREF:REJECT');
  });

  it('treats an explosion as an accident unless weapons are named', () => {
    expect(
      code('A gymnasium demolished by a Central Texas fertilizer plant explosion has been rebuilt.'),
    ).toEqual([]);
  });
});

describe('civilian groups', () => {
  it('codes students as civilians of the place and their protest against their government', () => {
    expect(dyads(code('Thousands of students marched in Seoul on Monday.'))).toEqual([
      'KORCVL>KORGOV:PROTEST',
    ]);
    expect(dyads(code('Indonesian police arrested 20 students protesting against the government.'))).toEqual([
      'IDNCOP>IDNCVL:COERCE',
    ]);
  });

  it('reads hostages and prisoners as the persons released', () => {
    expect(dyads(code('Israel freed 400 Palestinian prisoners.'))).toEqual(['ISR>PSECVL:RETREAT']);
  });
});

describe('nouns and verbs inside phrases', () => {
  it('does not read a plural noun after an actor in a prepositional phrase as a verb', () => {
    expect(dyads(code('The Sandinista government lifted a ban on opposition rallies.'))).toEqual([
      '---GOV>---OPP:CONCEDE',
    ]);
  });

  it('finds a compound event noun that starts inside an actor phrase', () => {
    expect(
      dyads(code('Militants fired rockets, drawing a wave of artillery strikes.')).map(
        (d) => d.split(':')[1],
      ),
    ).toEqual(['ASSAULT']);
  });
});

describe('"at" with a party', () => {
  it('reads "at protesters" and "at the US embassy" as parties, not places', () => {
    expect(dyads(code('Police in Karachi fired tear gas at protesters.'))).toEqual(['PAKCOP>PAKCVL:COERCE']);
    expect(dyads(code('Protesters threw stones at the US embassy in Cairo.'))).toEqual([
      'EGYCVL>USAGOV:PROTEST',
    ]);
  });
});

describe('crime reports', () => {
  it('does not code police work or violence among criminals as political events', () => {
    expect(
      code(
        'Border guards have detained 34 people in a lorry. The event is linked to an international gang involved in smuggling migrants.',
      ),
    ).toEqual([]);
    expect(
      code('Two people were killed in a grenade explosion during a conflict between members of a drug gang.'),
    ).toEqual([]);
  });

  it('keeps armed groups and state forces in a crime report', () => {
    expect(
      dyads(code('Al-Shabaab fighters attacked militiamen trying to commit robbery near Baidoa.')).map(
        (d) => d.split(':')[1],
      ),
    ).toEqual(['ASSAULT']);
  });
});

describe('words that cancel or require a verb reading', () => {
  it('reads "defended" as verbal support of a person or a decision, not of a territory', () => {
    expect(dyads(code('Trump defended Putin on Monday.'))).toEqual(['USAGOV>RUSGOV:SUPPORT']);
    expect(code('Nicolas Maduro said Venezuela would defend every inch of its territory.')).toEqual([]);
    expect(code('Ukrainian troops defended the city of Bakhmut for months.')).toEqual([]);
  });

  it('reads "strikes back" as force only with weapons or forces in the clause', () => {
    expect(dyads(code('Russia strikes back at US, expels diplomats and shuts consulate'))).toEqual([
      'RUS>USAGOV:SANCTION',
    ]);
    expect(dyads(code('Israel struck back at Hamas with airstrikes on Gaza.'))).toEqual([
      'ISR>PSEREB:ASSAULT',
    ]);
  });
});

describe('the addressee of a participle', () => {
  it('takes the person written to as the target of "asking for"', () => {
    expect(
      dyads(
        code('Maduro also wrote to Chinese President Xi Jinping asking for broader military cooperation.'),
      ),
    ).toEqual(['VENGOV>CHNGOV:REQUEST']);
  });
});

describe("an official's own forces", () => {
  it('gives "the armed forces" the country of the official who speaks of them', () => {
    expect(
      dyads(
        code(
          'Venezuelan Defence Minister Vladimir Padrino said the armed forces had deployed 25,000 troops along the border with Colombia.',
        ),
      ),
    ).toEqual(['VENMIL>-:MOBILIZE']);
  });
});

describe('vocabulary that needs its object', () => {
  it('codes troop build-ups, missile tests, house arrest and disputed results', () => {
    expect(dyads(code('Russia has amassed troops on the border.'))).toEqual(['RUS>-:MOBILIZE']);
    expect(dyads(code('North Korea test-fired a ballistic missile on Sunday.'))).toEqual(['PRK>-:MOBILIZE']);
    expect(dyads(code('Egyptian police placed the opposition leader under house arrest.'))).toEqual([
      'EGYCOP>EGYOPP:COERCE',
    ]);
    expect(dyads(code('Pakistan alleged that India had sponsored the attack.'))).toEqual(['PAK>IND:ACCUSE']);
  });

  it('leaves the same verbs alone without that object', () => {
    expect(code('The government put forward a plan on Monday.')).toEqual([]);
    expect(code('The company shipped its new phones to Germany.')).toEqual([]);
    expect(code('The minister contested the seat in 2010.')).toEqual([]);
  });
});

describe('private parties', () => {
  it('does not code a firm signing contracts with unnamed suppliers', () => {
    expect(code('The company had signed long-term contracts with two suppliers to secure parts.')).toEqual(
      [],
    );
  });

  it('still codes a firm dealing with a state', () => {
    // an agreement "with" a partner is reciprocal: each party is a source
    expect(dyads(code('The company signed a contract with the Iraqi government.'))).toEqual([
      'IRQBUS>-:SUPPORT',
      'IRQGOV>-:SUPPORT',
    ]);
  });
});

describe('elites outside the state', () => {
  it('codes elders and tribal leaders as ELI, facing their own government', () => {
    expect(dyads(code('Ibo traditional elders have demanded the resignation of the governor.'))).toEqual([
      'NGAELI>NGAGOV:REQUEST',
    ]);
    expect(dyads(code('Tribal leaders in Anbar called on the government to release prisoners.'))).toEqual([
      'IRQELI>IRQGOV:REQUEST',
    ]);
  });
});

describe('targets in a purpose clause', () => {
  it('takes the people fired on from "to disperse …"', () => {
    expect(
      dyads(code('Egyptian police opened fire to disperse Moslem fundamentalist demonstrators.')),
    ).toEqual(['EGYCOP>EGYCVL:ASSAULT']);
    expect(dyads(code('Police fired tear gas to disperse protesters in Nairobi.'))).toEqual([
      'KENCOP>KENCVL:COERCE',
    ]);
  });
});

describe('military objects and territory', () => {
  it('codes destroying military objects, taking control and pushing forces out', () => {
    expect(dyads(code('Turkish jets destroyed weapon depots in northern Iraq.'))).toEqual([
      'TURMIL>IRQ:ASSAULT',
    ]);
    expect(dyads(code('Somali forces pushed al-Shabab militants out of the area.'))).toEqual([
      'SOMMIL>SOMREB:ASSAULT',
    ]);
    expect(dyads(code('Iraqi troops took control of the village on Monday.'))).toEqual(['IRQMIL>-:ASSAULT']);
  });

  it('does not code storms, caches or drives', () => {
    expect(code('The storm destroyed vehicles in Miami.')).toEqual([]);
    expect(code('The army destroyed caches of old weapons.')).toEqual([]);
    expect(code('He drove out of the city on Monday.')).toEqual([]);
  });
});

describe('chemical weapons', () => {
  it('codes a chemical or gas attack as ASSAULT with CAMEO 204', () => {
    const [event] = code('The Syrian government carried out a chemical attack on Douma on Saturday.');
    expect([event?.source?.code, event?.type, event?.cameo.code, event?.mode]).toEqual([
      'SYRGOV',
      'ASSAULT',
      '204',
      'chemical',
    ]);
  });
});

describe('events of an "after" clause', () => {
  it('finds the subject after "after" and keeps the event when the main clause has none', () => {
    expect(dyads(code('Children were injured after Israel bombed Gaza.'))).toEqual(['ISR>PSE:ASSAULT']);
    expect(dyads(code('Many children needed treatment after Assad carried out a gas attack.'))).toEqual([
      'SYRGOV>-:ASSAULT',
    ]);
  });

  it('does not take an actor after "after" for the subject when a noun phrase follows it', () => {
    expect(dyads(code("Syria, after Russia's help, attacked rebels in Idlib."))).toEqual([
      'SYR>SYRREB:ASSAULT',
    ]);
  });

  it('leaves it in the background when the main clause has an event', () => {
    expect(code('Officials met in Cairo after Israel bombed Gaza.').map((e) => e.type)).toEqual(['CONSULT']);
  });
});

describe('diplomatic ties and plural subjects', () => {
  it('reads ties restored or downgraded with words in between', () => {
    expect(dyads(code('Kuwait restored full diplomatic ties with Libya.'))).toEqual(['KWT>LBY:SUPPORT']);
    expect(dyads(code('Saudi Arabia downgraded its diplomatic ties with Lebanon.'))).toEqual([
      'SAU>LBN:SANCTION',
    ]);
    expect(code('The army restored order in the capital.')).toEqual([]);
  });

  it('takes two coordinated actors as a plural subject of a present-tense verb', () => {
    expect(
      dyads(code('The Philippines and France agree that the dispute should go to arbitration.')),
    ).toEqual(['PHL>-:AGREE', 'FRA>-:AGREE']);
  });
});

describe('"concluded"', () => {
  it('is signing only with an agreement; a concluded investigation is an investigation', () => {
    expect(dyads(code('Russia and Ukraine concluded an agreement on gas transit.'))).toEqual([
      'RUS>-:SUPPORT',
      'UKR>-:SUPPORT',
    ]);
    expect(dyads(code('The UN concluded its investigation into the killings.'))).toEqual(['IGOUNO>-:ACCUSE']);
    expect(code('The EU concluded that Iran had violated the deal.').map((e) => e.type)).not.toContain(
      'SUPPORT',
    );
  });
});

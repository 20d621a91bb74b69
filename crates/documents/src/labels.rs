//! Words the documents print, in bokmål and English.

use quorum_record::vocab::ActionStatus;
use quorum_record::Lang;

pub(crate) struct Labels {
    lang: Lang,
}

macro_rules! label {
    ($($name:ident => $nb:literal, $en:literal;)*) => {
        impl Labels {
            $(pub fn $name(&self) -> &'static str { self.lang.pick($nb, $en) })*
        }
    };
}

impl Labels {
    pub fn new(lang: Lang) -> Labels {
        Labels { lang }
    }
}

label! {
    agenda_title => "Innkalling og dagsorden", "Notice and agenda";
    minutes_title => "Referat fra møte i", "Minutes of the meeting of";
    minutes_title_extra => "Referat fra ekstra møte i", "Minutes of the extraordinary meeting of";
    date => "Dato", "Date";
    time => "Tid", "Time";
    place => "Sted", "Place";
    members => "Medlemmer", "Members";
    observers => "Observatører", "Observers";
    absent => "Ikke til stede", "Absent";
    substitute => "Stedfortreder", "Substitute";
    guests => "Gjester", "Guests";
    guest => "Innleder", "Speaker";
    case => "Sak", "Case";
    agenda => "Agenda", "Agenda";
    time_of_day => "Tidspunkt", "Time";
    case_type => "Sakstype", "Type";
    theme => "Tema", "Subject";
    case_title => "Tittel på sak", "Case title";
    end => "Slutt", "End";
    proposal => "Forslag til vedtak", "Proposed decision";
    decision => "Vedtak", "Decision";
    decision_amended => "Vedtak oppdatert", "Decision (amended)";
    innspill => "Innspill", "Input";
    action => "Aksjonspunkt", "Action points";
    attachment => "Vedlegg", "Attachment";
    no_memo => "Ingen toppnotat", "No memo";
    exempt => "Unntatt offentlighet", "Exempt from public disclosure";
    basis => "Hjemmel", "Legal basis";
    secretariat => "Sekretariat", "Secretariat";
    open_actions => "Åpne aksjonspunkter", "Open action points";
    responsible => "Ansvarlig", "Responsible";
    due => "Frist", "Due";
    status => "Status", "Status";
    next_meeting => "Neste møte", "Next meeting";
    to => "Til", "To";
    case_number => "Saksnummer", "Case number";
    direction => "Innretning", "Type";
    owner => "Sakseier", "Case owner";
    officer => "Saksbehandler", "Case officer";
    purpose => "Hensikt med saken", "Purpose of the case";
    background => "Bakgrunn", "Background";
    questions => "Spørsmål til drøfting", "Questions for discussion";
    process => "Videre saksprosess", "Further process";
    earlier => "Vedtak fra tidligere behandlinger i rådsmodellen", "Decisions from earlier treatments";
    meeting_and_date => "Møte og dato", "Meeting and date";
    register_title => "Vedtaksregister", "Decision register";
    action_list => "Aksjonspunkter", "Action points";
    case_list => "Saker og vedtak", "Cases and decisions";
    memo_title => "Toppnotat", "Case memo";
    pack_title => "Møtedokumenter", "Meeting papers";
    attachments_not_merged => "Vedlegg som ikke er PDF (ikke slått sammen i denne filen)", "Attachments that are not PDF (not merged into this file)";
    no_decision => "Vedtak ikke registrert", "No decision recorded";
    no_cases => "Ingen saker dette året.", "No cases this year.";
    meeting => "Møte", "Meeting";
    impartiality => "Habilitet", "Impartiality";
    recommendation => "Innstilling", "Recommendation";
    voting => "Votering", "Voting";
    attendance_changes => "Endringer i frammøtet", "Changes in attendance";
    signed_heading => "Godkjent ved signatur", "Approved by signature";
    signed_at => "signert", "signed";
    signed_hash => "SHA-256 av referatet som ble signert:", "SHA-256 of the minutes signed:";
    times_note => "Tidspunktene er norsk tid.", "Times are Norwegian time.";
}

impl Labels {
    pub fn action_status(&self, status: ActionStatus) -> &'static str {
        match status {
            ActionStatus::Done => self.lang.pick("Utført", "Done"),
            ActionStatus::Cancelled => self.lang.pick("Utgår", "Cancelled"),
            ActionStatus::Open => self.lang.pick("Åpen", "Open"),
        }
    }

    /// "Lucie Aunan, Helsedirektoratet, stiller for Mariann Hornnes"
    pub fn stands_in_for(&self, name: &str, org: &str, for_name: &str) -> String {
        let who = if org.is_empty() {
            name.to_string()
        } else {
            format!("{name}, {org}")
        };
        format!(
            "{who}, {} {for_name}",
            self.lang.pick("stiller for", "stands in for")
        )
    }

    pub fn remote(&self) -> &'static str {
        self.lang.pick("digitalt", "remote")
    }

    pub fn status_draft(&self) -> &'static str {
        self.lang.pick(
            "Status: Utkast – referatet er ikke godkjent.",
            "Status: Draft – the minutes are not approved.",
        )
    }

    pub fn status_approved(&self, meeting: &str, case: &str) -> String {
        match self.lang {
            Lang::Nb => format!("Status: Godkjent i møte {meeting}, sak {case}."),
            Lang::En => format!("Status: Approved in meeting {meeting}, case {case}."),
        }
    }

    /// "Lise Moen (Ap) stiller for Bjørn Aasen"
    pub fn stands_in_for_named(&self, who: &str, for_name: &str) -> String {
        format!(
            "{who} {} {for_name}",
            self.lang.pick("stiller for", "stands in for")
        )
    }

    /// "Nils Kleven (Sp) stiller for Marit Løvland i sak 2/26"
    pub fn stands_in_for_case(&self, who: &str, for_name: &str, case: &str) -> String {
        match self.lang {
            Lang::Nb => format!("{who} stiller for {for_name} i sak {case}"),
            Lang::En => format!("{who} stands in for {for_name} in case {case}"),
        }
    }

    pub fn status_signing(&self, signers: &str) -> String {
        match (self.lang, signers.is_empty()) {
            (Lang::Nb, true) => "Status: Til signering – referatet er ikke godkjent.".into(),
            (Lang::En, true) => "Status: For signature – the minutes are not approved.".into(),
            (Lang::Nb, false) => format!(
                "Status: Til signering – referatet er godkjent når {signers} har signert det."
            ),
            (Lang::En, false) => format!(
                "Status: For signature – the minutes are approved when {signers} have signed them."
            ),
        }
    }

    pub fn status_signed(&self, date: &str) -> String {
        match self.lang {
            Lang::Nb => format!("Status: Godkjent {date}."),
            Lang::En => format!("Status: Approved on {date}."),
        }
    }

    pub fn corrections(&self) -> &'static str {
        self.lang
            .pick("Rettelser etter godkjenning", "Corrections after approval")
    }

    pub fn continuation(&self) -> &'static str {
        self.lang.pick("forts.", "cont.")
    }
}

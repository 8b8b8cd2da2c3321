# Layout
skip-to-content = Hoppa till innehållet
nav-home = Start
nav-categories = Kategorier
nav-construction = Verktyg & bygg
nav-quick-order = Snabbeställning
nav-office = Kontor
nav-hospitality = Kök & café
nav-business = För företag
nav-help = Hjälp & kundtjänst
nav-cart = Varukorg
nav-account = Konto
nav-admin = Admin
nav-storefront = Visa butiken
nav-main = Huvudmeny
search-label = Sök produkter
search-placeholder = Sök produkter, artikelnummer eller märken
search-button = Sök
sign-in = Logga in
sign-out = Logga ut
signed-in-as = Inloggad som { $name }
language-label = Språk
language-change = Byt
footer-service = Kundtjänst
footer-service-text = Livechatt och e-post dygnet runt (e-post besvaras inom en timme), telefon vardagar 8–18.
footer-help = Hjälpcenter
footer-returns = 30 dagars öppet köp
footer-delivery = Leverans inom 1–3 arbetsdagar
footer-secure = Säker betalning
footer-accessibility = Tillgänglighet
footer-rights = Duett demobutik. Priser i SEK.
staff-bar = Du ser butiken som personal.
# Prices and stock
price-incl-vat = inkl. moms
price-list-price = Listpris
why-title = Varför det här priset?
why-list-price = Listpris
why-price-list = Er prislista ({ $name })
why-contract = Ert avtalspris ({ $note })
why-tier-list = Volympris från { $qty } st (prislista)
why-tier-contract = Volympris från { $qty } st (avtal)
why-terms = Betalningsvillkor: { $name } ({ $adjustment })
why-quoted = Ert offererade pris (offert { $number })
why-rounding = Avrundat till hela ören
why-unused = används inte — ert pris var redan lägre
why-your-price = Ert pris per styck, exkl. moms
volume-title = Volympriser
volume-from = Från { $qty } st
volume-each = Pris per styck, exkl. moms
price-excl-vat = exkl. moms
price-vat-included-line = Priset inkluderar { $rate } % moms ({ $vat }).
price-vat-excluded-line = Priset är exklusive { $rate } % moms ({ $vat } per styck), som läggs till i kassan.
stock-in = I lager
stock-only-left = { $count ->
    [one] Endast 1 kvar
   *[other] Endast { $count } kvar
}
stock-out = Slut i lager
delivery-estimate = Levereras inom 1–3 arbetsdagar
delivery-when-back = Vi mejlar dig när varan är tillbaka i lager
quantity-rule = Säljs i förpackningar: minst { $min }, i steg om { $step }.
rating-out-of-five = { $count ->
    [one] Betyg 1 av 5
   *[other] Betyg { $count } av 5
}
# Home (B2C)
home-title = Verktyg, kontor och kök — snabbt levererat
home-hero-text = En butik för hemmaprojekt och yrkesarbete. Priserna inkluderar moms.
home-featured = Utvalda produkter
home-newest = Nyheter
home-categories = Handla efter kategori
home-testimonials = Det säger våra kunder
home-service-title = Vi finns här för dig
service-delivery = Snabb leverans
service-delivery-text = 1–3 arbetsdagar, fri frakt över 500 kr.
service-returns = Enkla returer
service-returns-text = 30 dagars öppet köp på allt.
service-support = Kundtjänst dygnet runt
service-support-text = E-post besvaras inom en timme, dygnet runt.
service-secure = Säker kassa
service-secure-text = Betala med kort på en säker betalsida; vi ser aldrig ditt kortnummer.
carousel-previous = Föregående produkter
carousel-next = Nästa produkter
carousel-pause = Pausa
carousel-play = Spela
carousel-label = { $name }, produktkarusell
view-product = Visa { $name }
# Category and product pages
breadcrumb-label = Brödsmulor
category-product-count = { $count ->
    [one] 1 produkt
   *[other] { $count } produkter
}
category-subcategories = Underkategorier
sort-label = Sortera efter
sort-apply = Sortera
sort-relevance = Relevans
sort-price-asc = Pris, lägst först
sort-price-desc = Pris, högst först
sort-newest = Nyast
pagination-label = Sidor
pagination-previous = Föregående
pagination-next = Nästa
pagination-page = Sida { $count }
category-empty = Det finns inga produkter här ännu.
product-sku = Artikelnummer
product-brand = Märke
product-description = Beskrivning
product-specs = Specifikationer
product-video = Produktvideo
product-gallery = Produktbilder
product-image-open = Öppna bild { $count } i full storlek
product-related = Liknande produkter
product-availability = Tillgänglighet
# B2B home
b2b-greeting = Välkommen tillbaka, { $name }
b2b-hero-text = Ert företags priser exkl. moms, snabbeställning och faktura på kredit.
b2b-dashboard = Ert företag i korthet
b2b-pending-approvals = Ordrar som väntar på godkännande
b2b-open-quotes = Öppna offerter
b2b-credit-available = Tillgänglig kredit
b2b-credit-used-of = använt { $used } av { $limit }
b2b-credit-of = av { $limit }
b2b-recent-orders = Senaste ordrar
b2b-no-orders = Inga ordrar ännu — börja med snabbeställningen.
b2b-quick-order = Snabbeställ med artikelnummer
b2b-demos = Produktdemonstrationer
b2b-book-demo = Boka en livedemo
b2b-carousel = Rekommenderat för ert företag
b2b-content = Guider och kundcase för er
b2b-categories = Bläddra i sortimentet
b2b-watch-demo = Se demon
b2b-read-more = Läs mer
b2b-portal = Företagsportalen
content-kind-guide = Köpguide
content-kind-blog = Produktblogg
content-kind-case-study = Kundcase
content-kind-demo = Produktdemo
content-kind-faq = Vanliga frågor
content-kind-block = Riktat block
order-status-placed = Lagd
order-status-confirmed = Bekräftad (faktura)
order-status-paid = Betald
order-status-awaiting-approval = Väntar på godkännande
order-status-shipped = Skickad
order-status-delivered = Levererad
order-status-cancelled = Avbruten
# Sign-in
login-title = Logga in
login-intro = Logga in för att se dina ordrar, sparade adresser och, för företagskonton, ert företags priser.
login-email = E-post
login-password = Lösenord
login-submit = Logga in
login-failed = E-postadressen eller lösenordet stämmer inte. Kontrollera dem och försök igen.
login-business = Köper du för ett företag? Ansök om ett företagskonto.
# Admin
admin-title = Översikt
admin-welcome = Inloggad som { $name } ({ $role })
admin-queues = Arbetsköer
admin-queue-orders = Ordrar att hantera
admin-queue-quotes = Offerter att besvara
admin-queue-applications = Företagsansökningar
admin-queue-reviews = Recensioner att granska
admin-queue-cases = Öppna supportärenden
admin-queue-low-stock = Produkter med lågt lager
admin-queue-out-of-stock = Produkter slut i lager
admin-queue-products = Aktiva produkter
admin-nav-label = Adminmeny
staff-role-administrator = Administratör
staff-role-catalog-manager = Sortimentsansvarig
staff-role-sales-rep = Säljare
staff-role-support-agent = Kundtjänstmedarbetare
# Errors
error-404-title = Sidan finns inte
error-404-text = Vi hittade inte sidan. Den kan ha flyttats, eller så är adressen felstavad.
error-403-title = Ingen behörighet
error-403-text = Ditt konto har inte tillgång till den här sidan.
error-csrf-title = Ladda om formuläret
error-csrf-text = Formuläret hade gått ut eller skickades från en annan webbplats, så inget sparades. Ladda om sidan och skicka igen.
error-csrf-action = Ladda om formuläret
error-400-title = Något i förfrågan var fel
error-400-text = Vi kunde inte förstå förfrågan. Gå tillbaka och kontrollera det du fyllde i.
error-500-title = Något gick fel hos oss
error-500-text = Vi har loggat problemet. Försök igen om en stund.
error-go-home = Till startsidan
error-status = Fel { $count }
error-429-title = För många försök
error-429-text = För att skydda ditt konto har vi pausat inloggningsförsöken en stund. Vänta en minut och försök igen.
company-switch = Byt företag
company-choose-title = Välj företag
company-choose-intro = Du köper för fler än ett företag. Priser, ordrar och godkännanden följer det företag du väljer; du kan byta när som helst.
company-current = aktuellt
company-role-admin = Företagsadministratör
company-role-buyer = Inköpare
company-role-approver = Attestant
# Registration
register-title = Skapa konto
register-intro = Spara adresser, följ dina ordrar och handla snabbare.
register-name = Namn
register-email = E-post
register-password = Lösenord
register-password-hint = Minst 12 tecken. Några orelaterade ord blir ett starkt lösenord som är lätt att minnas.
register-submit = Skapa konto
register-link = Ny här? Skapa ett konto
register-have-account = Har du redan ett konto? Logga in
register-errors = Rätta de markerade fälten.
register-name-missing = Fyll i ditt namn.
register-name-too-long = Namnet får vara högst 100 tecken.
register-email-invalid = Fyll i en e-postadress som namn@exempel.se.
password-too-short = Lösenordet måste ha minst 12 tecken.
password-too-long = Lösenordet får vara högst 128 tecken.
password-common = Lösenordet är för lätt att gissa. Prova några orelaterade ord, till exempel ”lampa flod apelsin cykel”.
password-contains-email = Bygg inte lösenordet på din e-postadress.
register-sent-title = Titta i din inkorg
register-sent-text = Om adressen kan användas för ett nytt konto har vi skickat en länk till den. Följ länken inom 48 timmar för att skapa kontot.
register-confirm-failed-title = Länken kan inte användas
register-confirm-failed-text = Länken har gått ut eller redan använts. Logga in för att få en ny, eller skapa kontot igen.
login-unverified = Bekräfta din e-postadress först. Vi har skickat en ny länk till { $email }.
mail-verify-subject = Bekräfta din e-postadress hos Duett
mail-verify-body =
    Hej { $name }!

    Välkommen till Duett! Bekräfta din e-postadress för att skapa ditt konto:

    { $link }

    Länken fungerar en gång och gäller i 48 timmar. Om du inte har skapat något konto kan du bortse från det här meddelandet.
mail-exists-subject = Någon försökte skapa ett konto med din adress
mail-exists-body =
    Hej!

    Någon — troligen du — försökte skapa ett nytt Duett-konto med den här e-postadressen, men den har redan ett konto.

    Logga in här: { $link }

    Om det inte var du har inget ändrats och du kan bortse från det här meddelandet.
# Password reset
forgot-link = Glömt lösenordet?
forgot-title = Återställ lösenordet
forgot-intro = Fyll i e-postadressen för ditt konto så skickar vi en länk där du väljer ett nytt lösenord.
forgot-submit = Skicka länken
forgot-sent-title = Titta i din inkorg
forgot-sent-text = Om det finns ett konto för adressen har vi skickat en länk till den. Länken fungerar en gång och gäller i en timme.
reset-title = Välj ett nytt lösenord
reset-password = Nytt lösenord
reset-submit = Spara det nya lösenordet
reset-failed-title = Länken kan inte användas
reset-failed-text = Länken har gått ut eller redan använts. Be om en ny.
reset-again = Be om en ny länk
mail-reset-subject = Återställ ditt lösenord hos Duett
mail-reset-body =
    Hej { $name }!

    Någon har bett om att återställa lösenordet för ditt Duett-konto. Välj ett nytt lösenord här:

    { $link }

    Länken fungerar en gång och gäller i en timme. Om det inte var du kan du bortse från meddelandet: ditt lösenord förblir detsamma.
admin-outbox = Utkorg för e-post
admin-outbox-to = Mottagare
admin-outbox-empty = Inga e-postmeddelanden ännu.
admin-audit = Granskningslogg
admin-filter = Filtrera
admin-when = När
admin-subject = Ämne
admin-status = Status
admin-actor = Vem
admin-action = Händelse
# Account
account-title = Ditt konto
account-link = Ditt konto
account-password-title = Byt lösenord
account-current-password = Nuvarande lösenord
account-current-password-wrong = Det nuvarande lösenordet stämmer inte.
account-password-submit = Byt lösenord
account-password-changed = Ditt lösenord har bytts.
account-addresses-title = Sparade adresser
account-addresses-empty = Du har inga sparade adresser ännu.
account-address-add = Lägg till en adress
account-address-save = Spara adressen
account-address-delete = Ta bort
account-address-added = Adressen har sparats.
account-address-deleted = Adressen har tagits bort.
address-label = Etikett (valfritt), t.ex. Hem
address-name = Namn
address-line1 = Gatuadress
address-line2 = Lägenhet, c/o (valfritt)
address-postal-code = Postnummer
address-city = Ort
address-country = Land
address-phone = Telefon (valfritt)
address-name-missing = Fyll i mottagarens namn.
address-street-missing = Fyll i gatuadressen.
address-postal-invalid = Fyll i ett postnummer för landet, t.ex. 411 38 i Sverige.
address-city-missing = Fyll i orten.
address-country-unsupported = Vi levererar till Sverige, Norge, Danmark, Finland och Tyskland.
address-too-long = Varje rad får vara högst 100 tecken.
country-SE = Sverige
country-NO = Norge
country-DK = Danmark
country-FI = Finland
country-DE = Tyskland
# Business applications
business-title = Duett för företag
business-intro = Ett konto för hela företaget: egna priser, snabb beställning och faktura på kredit.
business-benefit-prices = Företagspriser exkl. moms, med volymrabatter och avtalspriser — och varför varje pris är som det är.
business-benefit-bulk = Snabbeställning med artikelnummer, klistra in eller CSV, inköpslistor och beställ igen med ett klick.
business-benefit-invoice = Faktura på 30 eller 60 dagar inom er kreditgräns.
business-benefit-approvals = Inköpare, attestanter och beloppsgränser för ert team.
business-benefit-support = Kundtjänst, livechatt och reklamationer dygnet runt.
business-apply-title = Ansök om ett företagskonto
business-company-name = Företagets namn
business-org-no = Organisationsnummer
business-vat-no = Momsregistreringsnummer (valfritt)
business-vat-hint = EU-momsnummer, t.ex. SE556677889901. Behövs för fakturor utan svensk moms utanför Sverige.
business-industry = Bransch
business-choose = Välj…
business-size = Företagets storlek
business-contact-name = Ditt namn
business-contact-email = Din e-post på jobbet
business-submit = Skicka ansökan
business-name-missing = Fyll i företagets namn.
business-industry-missing = Välj bransch.
business-size-missing = Välj företagets storlek.
business-org-known = Vi har redan en ansökan eller ett konto för organisationsnumret. Kontakta oss om du behöver tillgång.
business-thanks-title = Tack för din ansökan
business-thanks-text = Vi går igenom ansökan inom en arbetsdag och mejlar en inbjudan för att sätta upp kontot.
org-no-format = Fyll i organisationsnumret med 10 siffror, t.ex. 556677-8899.
org-no-checksum = Organisationsnumret finns inte: kontrollera siffrorna.
vat-format = Momsnumret stämmer inte med landets format: kontrollera siffrorna.
vat-country = Börja momsnumret med en EU-landskod, t.ex. SE.
vat-org-mismatch = Ett svenskt momsnummer är SE, organisationsnumret och 01.
industry-construction = Bygg och hantverk
industry-office = Kontor och tjänster
industry-hospitality = Restaurang, kafé och hotell
industry-other = Annat
size-micro = 1–9 anställda
size-small = 10–49 anställda
size-medium = 50–249 anställda
size-large = 250 eller fler anställda
mail-application-subject = Vi har tagit emot din företagsansökan
mail-application-body =
    Hej { $name }!

    Tack för att du ansökt om ett Duett-företagskonto för { $company }. Vi går igenom varje ansökan inom en arbetsdag och mejlar en inbjudan för att sätta upp kontot.
admin-applications = Företagsansökningar
admin-applications-empty = Inga ansökningar väntar.
admin-vat = Momsnummer
admin-vat-format-checked = format och kontrollsiffra kontrollerade
admin-contact = Kontakt
admin-received = Mottagen
admin-approve = Godkänn
admin-reject = Avslå
admin-reject-reason = Skäl för avslag (skickas till sökanden)
admin-application-approved = Företaget är aktivt och kontaktpersonen har bjudits in.
admin-application-rejected = Ansökan har avslagits och sökanden har fått veta varför.
admin-application-reason-missing = Skriv ett skäl innan du avslår en ansökan.
admin-application-address-taken = Inte godkänd: kontaktpersonens e-post tillhör ett privat- eller personalkonto. Be sökanden om en jobbadress.
mail-invitation-subject = Ert företagskonto för { $company } är klart
mail-invitation-body =
    Hej { $name }!

    { $company } har nu ett företagskonto hos Duett, och du är företagets administratör. Välj ditt lösenord här:

    { $link }

    Länken fungerar en gång och gäller i 7 dagar.
mail-rejected-subject = Angående er företagsansökan
mail-rejected-body =
    Hej { $name }!

    Tack för att du ansökt om ett Duett-företagskonto för { $company }. Vi kunde inte godkänna ansökan:

    { $reason }

    Svara på det här mejlet om du har frågor — ni är välkomna att ansöka igen.
invitation-title = Sätt upp ditt företagskonto
invitation-intro = Välj namnet och lösenordet du ska logga in med.
invitation-submit = Spara och logga in
invitation-failed-title = Inbjudan kan inte användas
invitation-failed-text = Inbjudan har gått ut eller redan använts. Be er företagsadministratör eller vår kundtjänst om en ny.
# Company users
users-title = Personer i ert företag
users-link = Personer
users-role = Roll
users-order-limit = Gräns per order (kr, exkl. moms)
users-monthly-limit = Gräns per månad (kr, exkl. moms)
users-limit-hint = Lämna en gräns tom för ingen gräns. Ordrar över en inköpares gräns går till en attestant.
users-actions = Åtkomst
users-save = Spara
users-invited-badge = inbjuden
users-inactive = avaktiverad
users-deactivate = Avaktivera
users-reactivate = Återaktivera
users-invite-title = Bjud in en kollega
users-invite-submit = Skicka inbjudan
users-invited = Inbjudan har skickats.
users-updated = Ändringen har sparats.
users-not-yourself = Du kan inte ändra din egen roll eller åtkomst; be en annan företagsadministratör.
users-role-missing = Välj en roll.
users-already-member = Personen finns redan i ert företag.
users-address-taken = E-postadressen tillhör ett privat- eller personalkonto; använd en jobbadress.
amount-invalid = Fyll i ett belopp i kronor, t.ex. 25 000.
amount-too-large = Beloppet är för stort.
register-confirm-title = Bekräfta din e-postadress
register-confirm-text = Ett steg kvar: bekräfta adressen för att aktivera kontot. Du loggas in direkt.
register-confirm-submit = Bekräfta och logga in
login-disabled = Kontot är stängt. Kontakta vår kundtjänst om du tror att det är fel.
login-no-company = Din åtkomst till företagets konto är avstängd. Be företagets administratör att slå på den igen, eller kontakta vår kundtjänst.
account-email-title = E-postadress
account-email-current = Du loggar in med { $email }.
account-email-new = Ny e-postadress
account-email-password = Nuvarande lösenord
account-email-submit = Skicka bekräftelselänk
account-email-same = Det här är redan din e-postadress.
account-email-sent = Vi har skickat en bekräftelselänk till din nya adress. Inloggningsadressen ändras när du följer länken (inom 24 timmar).
email-confirm-title = Bekräfta din nya e-postadress
email-confirm-text = Från och med nu loggar du in med { $email }. Andra enheter där du är inloggad loggas ut.
email-confirm-submit = Byt e-postadress
email-confirm-failed-title = Länken kan inte användas
email-confirm-failed-text = Länken har gått ut eller redan använts. Be om en ny på din kontosida.
email-change-taken = Ett annat konto använder nu adressen, så din adress ändrades inte.
email-changed-title = E-postadressen är ändrad
email-changed = Din e-postadress är ändrad. Logga in med den nya adressen från och med nu.
mail-email-change-subject = Bekräfta din nya e-postadress
mail-email-change-body =
    Hej { $name },

    Bekräfta adressen här för att logga in på Duett med den från och med nu:

    { $link }

    Länken fungerar en gång och går ut om 24 timmar. Om du inte bett om detta kan du bortse från meddelandet: ingenting ändras.
mail-email-changing-subject = Din e-postadress är på väg att ändras
mail-email-changing-body =
    Hej { $name },

    Någon som är inloggad på ditt Duett-konto har bett om att byta kontots e-postadress till { $email }. Ingenting ändras förrän länken vi skickade dit följs.

    Om det inte var du, byt lösenord nu:

    { $link }
admin-outbox-status-queued = I kö
admin-outbox-status-sent = Skickat
admin-outbox-status-failed = Misslyckades
admin-outbox-attempts = { $count ->
    [one] 1 försök
   *[other] { $count } försök
}
facets-title = Filtrera
facets-apply = Visa resultat
facets-active = Valda filter
facets-remove = ta bort filter
facets-clear = Rensa alla filter
facet-category = Kategori
facet-brand = Varumärke
facet-price = Pris
facet-price-min = Från
facet-price-max = Till
facet-price-invalid = Ange priser som belopp i kronor, till exempel 499 eller 1 299,50.
facet-availability = Tillgänglighet
facet-in-stock = I lager
facet-rating = Kundbetyg
facet-all = Alla
facet-rating-at-least = { $count ->
    [one] 1 stjärna eller fler
   *[other] { $count } stjärnor eller fler
}
sort-rating = Bäst betyg
listing-empty = Inga produkter matchar filtren. Ta bort ett filter för att se fler.
search-title = Sök
search-submit = Sök
search-results-for = Resultat för ”{ $query }”
search-result-count = { $count ->
    [one] 1 produkt hittades
   *[other] { $count } produkter hittades
}
search-blank = Skriv ett produktnamn, artikelnummer, varumärke eller vad du behöver den till.
search-capped = Visar de bästa av de första träffarna: det finns fler. Lägg till ett ord eller ett filter för att smalna av sökningen.
search-none = Inget matchar ”{ $query }”.
search-tip-spelling = Kontrollera stavningen, eller prova ett liknande ord.
search-tip-fewer = Använd färre eller mer allmänna ord.
search-tip-sku = Söker du ett artikelnummer? Skriv det som det är tryckt, t.ex. OF-01005.
search-browse = Bläddra bland kategorierna i stället
review-count = { $count ->
    [one] 1 recension
   *[other] { $count } recensioner
}
rating-average = Genomsnittligt betyg
reviews-title = Kundrecensioner
reviews-none = Inga recensioner än. Bli först med att berätta vad du tycker.
review-write = Skriv en recension
review-rating = Ditt betyg
review-title-label = Rubrik (valfri)
review-body-label = Din recension
review-body-hint = Vanlig text, 10 till 4 000 tecken. Recensioner granskas innan de visas.
review-submit = Skicka recension
review-sign-in = Logga in för att skriva en recension
review-sort-label = Sortera recensioner
review-sort-newest = Nyast
review-sort-helpful = Mest hjälpsamma
review-verified = Verifierad köpare
review-helpful = Hjälpsam?
review-you-voted = du tyckte att den var hjälpsam
review-helpful-count = { $count ->
    [0] Ingen har tyckt att den var hjälpsam än
    [one] 1 person tyckte att den var hjälpsam
   *[other] { $count } personer tyckte att den var hjälpsam
}
review-status-pending = Tack! Din recension väntar på granskning. Du kan fortfarande ändra den.
review-status-approved = Din recension är publicerad. Om du ändrar den granskas den igen.
review-status-rejected = Din recension publicerades inte: { $reason } Du kan ändra den och skicka den igen.
review-thanks = Tack! Din recension visas när den har granskats.
review-vote-thanks = Tack för din röst.
review-vote-already = Du har redan röstat på den här recensionen.
review-vote-own = Du kan inte rösta på din egen recension.
review-rating-missing = Välj 1 till 5 stjärnor.
review-title-too-long = Håll rubriken till högst 100 tecken.
review-body-too-short = Skriv minst 10 tecken.
review-body-too-long = Håll recensionen till högst 4 000 tecken.
review-markup = Skriv vanlig text; HTML-taggar är inte tillåtna.
admin-reviews = Recensioner att granska
admin-reviews-empty = Inga recensioner väntar.
admin-review-reason = Skäl (recensenten ser det)
admin-review-approved = Recensionen är publicerad.
admin-review-rejected = Recensionen avvisades; recensenten ser skälet på produktsidan.
admin-review-reason-missing = Skriv ett skäl innan du avvisar en recension.
admin-review-gone = Den recensionen väntar inte längre (någon annan beslutade, eller så ändrades den).
notify-label = Mejla mig när den finns i lager igen
notify-submit = Meddela mig
notify-thanks = Tack. Vi mejlar dig så snart den finns i lager igen.
lightbox-close = Stäng bilden
review-pages-label = Sidor med recensioner

## Cart
cart-link = Varukorg
cart-link-label = { $count ->
    [0] Varukorg, tom
    [one] Varukorg, 1 vara
   *[other] Varukorg, { $count } varor
}
cart-title = Din varukorg
cart-empty = Din varukorg är tom.
cart-empty-browse = Hitta något i butiken
cart-product = Produkt
cart-unit-price = Pris
cart-quantity = Antal
cart-line-total = Summa
cart-update = Uppdatera
cart-remove = Ta bort
cart-save = Spara till senare
cart-restore = Flytta till varukorgen
cart-saved-title = Sparat till senare
cart-summary = Sammanfattning
cart-items = { $count ->
    [one] 1 vara
   *[other] { $count } varor
}
cart-subtotal = Delsumma
cart-subtotal-excl = Delsumma exkl. moms
cart-vat-included = varav moms { $rate } %
cart-vat = Moms { $rate } %
cart-total = Totalt
cart-total-incl = Totalt inkl. moms
cart-delivery-note = Leveranssätt och frakt väljs i kassan.
cart-added = Tillagd i varukorgen.
cart-updated = Varukorgen uppdaterades.
cart-removed = Borttagen från varukorgen.
cart-saved = Sparad till senare.
cart-restored = Flyttad tillbaka till varukorgen.
cart-add = Lägg i varukorgen
cart-buy-now = Köp nu
cart-price-changed = Priset på { $name } har ändrats från { $old } till { $new }.
cart-stock-reduced = Bara { $available } av { $name } finns kvar; antalet är nu { $available }.
cart-out-of-stock = { $name } är slut i lager. Ta bort den eller spara den till senare.
cart-unavailable = En produkt i din varukorg säljs inte längre.
cart-unavailable-line = Säljs inte längre
cart-not-sold = Den här produkten säljs inte här.
cart-only-left = Bara { $available } kvar (du har { $in_cart } i varukorgen).
cart-sold-out = Slut i lager.
cart-line-gone = Den raden finns inte längre i din varukorg.
quantity-missing = Ange ett antal.
quantity-not-a-number = Ange antalet som en siffra, t.ex. 2.
quantity-not-whole = Ange ett heltal, t.ex. 2.
quantity-too-small = Minsta antal är { $min }.
quantity-too-large = Största antal är { $max }.
quantity-not-in-steps = Produkten säljs i steg om { $step }.

## Checkout
checkout-title = Kassa
checkout-contact = Kontakt
checkout-email = E-post för orderbekräftelsen
checkout-guest-note = Inget konto behövs. Har du ett?
checkout-address = Leveransadress
checkout-delivery = Leverans
checkout-delivery-days = { $min ->
    [1] { $max ->
        [1] nästa arbetsdag
       *[other] { $min }–{ $max } arbetsdagar
    }
   *[other] { $min }–{ $max } arbetsdagar
}
checkout-delivery-free = Fri frakt
checkout-update = Uppdatera sammanfattningen
checkout-payment = Betalning
checkout-card = Kort
checkout-card-note = Du betalar på kortleverantörens sida; vi ser aldrig ditt kortnummer.
checkout-vat-included = varav moms
checkout-vat = Moms
checkout-pay = Gå vidare till betalning
checkout-back-to-cart = Tillbaka till varukorgen
checkout-fix-errors = Kontrollera de markerade fälten.
checkout-out-of-stock = Bara { $available } av { $name } finns kvar nu. Ändra antalet i varukorgen och försök igen.
checkout-total-changed = Totalen har ändrats sedan du öppnade sidan (ett pris eller fraktkostnaden). Kontrollera sammanfattningen och fortsätt igen.
checkout-delivery-unavailable = Det leveranssättet erbjuds inte längre. Välj ett annat.
checkout-declined = Betalningen genomfördes inte och inget har dragits. Försök igen eller använd ett annat kort.
pay-test-provider = Duett testbetalningar
pay-test-title = Betala med kort
pay-test-note = Det här är en testsida för betalning: inget riktigt kort debiteras.
pay-test-amount = Belopp
pay-test-card = Kortnummer
pay-test-cards = Testkort: 4242 4242 4242 4242 godkänns, 4000 0000 0000 0002 nekas.
pay-test-pay = Betala
pay-test-cancel = Avbryt och gå tillbaka
pay-test-unknown-card = Det är inte ett testkort. Använd 4242 4242 4242 4242 (godkänns) eller 4000 0000 0000 0002 (nekas).
order-title = Din order
order-thanks = Tack för din beställning
order-number = Ordernummer
order-lines = Det här beställde du
order-timeline = Status
order-delivery-address = Leveransadress
order-confirmation-sent = En bekräftelse har skickats till
order-offer-account = Skapa ett konto för att följa dina ordrar och handla snabbare nästa gång.
order-create-account = Skapa konto
order-status-awaiting-payment = Väntar på betalning
order-status-packed = Packad
mail-order-subject = Din order { $number }
mail-order-body = Tack för din beställning { $number }.

    Följ den här (länken fungerar utan inloggning; dela den inte):
    { $link }
cart-checkout = Till kassan
orders-title = Dina ordrar
orders-none = Du har inte beställt något ännu.
orders-placed = Lagd
orders-link = Ordrar
checkout-coupon = Rabattkod
checkout-coupon-label = Rabattkod (valfritt)
checkout-coupon-apply = Använd
checkout-discount = Rabatt ({ $code })
checkout-coupon-set-aside = Erbjudandena i varukorgen ger mer än { $code }, som inte kan kombineras med dem, så erbjudandena gäller och koden sparas till ett annat tillfälle.
checkout-rules-set-aside = { $code } ger mer än erbjudandena i varukorgen och kan inte kombineras med dem, så koden gäller i stället för erbjudandena.
order-discounts = Rabatter
order-discounts-with = Rabatter (inkl. koden { $code })
coupon-unknown = Vi känner inte igen koden. Kontrollera stavningen.
coupon-not-yet = Koden gäller inte ännu.
coupon-expired = Koden har gått ut.
coupon-used-up = Koden är förbrukad.
coupon-already-used = Du har redan använt koden.
coupon-below-minimum = Koden kräver varor för minst { $min }.
order-cancel = Avbryt ordern
order-cancel-note = Inte packad ännu: du kan fortfarande avbryta, och betalningen återbetalas helt.
order-cancelled = Ordern är avbruten och betalningen återbetald.
order-cancel-too-late = Ordern kan inte längre avbrytas här: den packas redan eller är på väg. Kontakta kundservice.
mail-back-subject = { $name } finns i lager igen
mail-back-body = Goda nyheter: { $name } går att beställa igen.

    { $link }

    Du bad oss säga till en gång. Vi mejlar dig inte om den igen.
checkout-saved-address = Leverera till en sparad adress
checkout-saved-address-use = Använd adressen

## Returer och byten
return-title = Returnera eller byt
return-slip-title = Retur
return-window-until = Du kan skicka tillbaka varor till och med { $date }.
return-window-on-its-way = Paketet är på väg; du kan redan nu anmäla en retur.
return-window-not-shipped = Inget kan returneras innan ordern har skickats. En betald order som inte är packad kan avbeställas i stället.
return-window-closed = Returtiden gick ut { $date }. Kontakta vår kundtjänst om något är fel med din order.
return-kind = Retur eller byte
return-kind-return = Returnera mot återbetalning
return-kind-exchange = Byt mot en annan variant
return-kind-hint = Ett byte görs mot en variant som kostar lika mycket eller mindre; mellanskillnaden betalas tillbaka.
return-reason = Orsak
return-choose-reason = Välj en orsak
return-reason-changed-mind = Jag har ångrat mig
return-reason-wrong-size = Fel storlek eller passform
return-reason-damaged = Kom skadad eller trasig
return-reason-not-as-described = Inte som beskrivet
return-reason-wrong-item = Jag fick fel vara
return-reason-other = Något annat
return-comment = Något vi bör veta? (valfritt)
return-what = Vad skickar du tillbaka?
return-what-hint = Ange hur många av varje vara du skickar tillbaka; lämna övriga tomma.
return-ordered = Beställt
return-quantity = Skicka tillbaka
return-up-to = Högst { $left }
return-all-sent = Redan returnerad
return-exchange-for = Byt mot
return-no-variants = Ingen annan variant i lager
return-choose-variant = Välj en variant
return-send = Skicka anmälan
return-back-to-order = Tillbaka till ordern
return-error-kind = Välj om du vill ha pengarna tillbaka eller byta.
return-error-reason = Välj en orsak till returen.
return-error-comment = Håll kommentaren under 1 000 tecken.
return-error-window = Den här ordern kan inte längre returneras.
return-error-nothing = Ange ett antal för minst en vara.
return-error-quantity = Ange ett heltal från 0 till { $left }.
return-error-variant = Välj en variant i lager som kostar lika mycket eller mindre att byta till.
return-error-lines = Kontrollera de markerade varorna.
return-status = Status
return-status-requested = Anmäld — väntar på ditt paket
return-status-received = Mottagen — kontrolleras
return-status-refunded = Återbetald
return-status-exchanged = Bytt — ersättningen är på väg
return-status-rejected = Inte godkänd
return-status-cancelled = Återkallad
return-slip-instructions = Skriv ut följesedeln, lägg den i paketet med varorna och skicka till adressen nedan. Ingen skrivare? Skriv returnumret på paketet.
return-print = Skriv ut följesedeln
return-number = Returnummer
return-requested-on = Anmäld
return-refund = Återbetalning
return-send-to = Skicka paketet till
return-from = Från
return-note-from-us = Meddelande från oss
return-withdraw = Återkalla returanmälan
return-cancelled = Din returanmälan är återkallad.
return-cancel-too-late = Returen hanteras redan och kan inte längre återkallas.
order-return-link = Returnera eller byt varor
order-returns = Returer
order-tracking = Spårningsnummer { $tracking }
order-status-return-requested = Retur anmäld
order-status-refunded = Återbetald
order-status-exchanged = Byte skickat
mail-return-subject = Din retur { $number }
mail-return-body = Vi har tagit emot din returanmälan { $number }. Skriv ut följesedeln och lägg den i paketet: { $link }

## Admin: ordrar och returer
admin-orders = Ordrar
admin-returns = Returer
admin-all = Alla
admin-segment = Segment
admin-segment-b2c = Konsument
admin-segment-b2b = Företag
admin-customer = Kund
admin-orders-search = Ordernummer eller e-post
admin-orders-empty = Inga ordrar matchar.
admin-returns-empty = Inga returer här.
admin-order-next = Nästa steg
admin-order-tracking = Spårningsnummer
admin-order-step-pack = Markera som packad
admin-order-step-ship = Markera som skickad
admin-order-step-deliver = Markera som levererad
admin-order-step-cancel = Avbeställ ordern
admin-order-step-unknown = Det är inget steg en order kan ta.
admin-order-step-not-now = Ordern har inte längre en status som tillåter steget; sidan visar var den står nu.
admin-order-tracking-missing = Ange transportörens spårningsnummer för att skicka ordern.
admin-order-tracking-invalid = Ett spårningsnummer har 4–40 bokstäver, siffror eller bindestreck.
admin-order-moved = Ordern uppdaterades.
admin-return-receive = Markera som mottagen (tillbaka i lager)
admin-return-refund = Återbetala
admin-return-exchange = Skicka ersättningarna
admin-return-reject = Avslå
admin-return-not-now = Returen har inte längre en status som tillåter detta; sidan visar var den står nu.
admin-return-refund-failed = Betalleverantören godtog inte återbetalningen; inget ändrades. Försök igen senare.
admin-return-note-missing = Skriv ett meddelande till kunden om varför returen avslås.
admin-return-out-of-stock = { $name } finns inte längre i lager; inget skickades. Återbetala returen i stället eller vänta på lager.
admin-return-moved = Returen uppdaterades.
admin-return-comment = Kundens kommentar
admin-return-note = Meddelande till kunden
admin-return-note-label = Meddelande till kunden (krävs för att avslå)

# Quick order
quick-title = Snabbeställning
quick-lead = Beställ många produkter på en gång med artikelnummer: skriv in dem i rutnätet, klistra in rader från ett kalkylblad eller ladda upp en CSV-fil. Allt kontrolleras först; inget läggs i varukorgen förrän du bekräftar.
quick-grid-title = Skriv artikelnummer och antal
quick-fix-title = Rätta de här raderna och kontrollera igen
quick-col-sku = Artikelnummer
quick-col-where = Var
quick-col-problem = Problem
quick-add-rows = Lägg till 10 rader
quick-check = Kontrollera raderna
quick-paste-title = Klistra in rader
quick-paste-label = Rader att beställa
quick-paste-hint = En produkt per rad: artikelnummer och antal åtskilda av komma, semikolon, tabb eller mellanslag, t.ex. "PO-01000, 2". En rubrikrad hoppas över.
quick-upload-title = Ladda upp en CSV-fil
quick-file-label = CSV-fil
quick-file-hint = Artikelnummer i första kolumnen, antal i andra; högst { $max } rader och { $size }. UTF-8 eller Excels CSV.
quick-sample = Ladda ner en exempelfil
quick-upload = Ladda upp och kontrollera
quick-report-title = Resultat av kontrollen
quick-summary = Lästa rader: { $read }. Klara att lägga till: { $ready }. Behöver åtgärdas: { $problems }.
quick-problems-title = Rader som behöver åtgärdas
quick-ready-title = Klara att lägga i varukorgen
quick-ready-more = …och { $count } rader till, som alla läggs till när du bekräftar.
quick-confirm = { $count ->
    [one] Lägg 1 rad i varukorgen
   *[other] Lägg { $count } rader i varukorgen
}
quick-confirm-note = Rader som behöver åtgärdas läggs inte till; rätta dem nedan.
quick-start-over = Börja om
quick-merged = { $sku } fanns på { $lines }: sammanslaget till en rad med { $quantity }.
quick-origin-row = rad { $number } i rutnätet
quick-origin-line = rad { $number }
quick-origin-kept = kontrollerad tidigare
quick-problem-missing-sku = Artikelnummer saknas.
quick-problem-formula = Cellen ser ut som en kalkylbladsformel och lästes inte. Skriv artikelnummer och antal som vanlig text.
quick-problem-unknown = Ingen produkt med det här artikelnumret säljs till ert företag.
quick-problem-short = Bara { $available } i lager.
quick-windows-1252 = Filen var inte UTF-8 och lästes därför som Windows-1252 (Excels västeuropeiska CSV). Kontrollera att namn med å, ä och ö ser rätt ut.
quick-file-empty = Filen har inga rader att beställa.
quick-file-missing = Välj en CSV-fil att ladda upp.
quick-file-too-large = Filen är större än 2 MB. Dela upp den i mindre filer.
quick-file-too-many = Filen har { $count } rader; högst { $max } kan kontrolleras på en gång. Dela upp den i mindre filer.
quick-file-spreadsheet = Det här är en Excel- eller OpenDocument-arbetsbok. Spara den som CSV (komma- eller semikolonavgränsad) och ladda upp den.
quick-file-binary = Filen är inte text. Ladda upp en CSV-fil sparad från ett kalkylblad eller en textredigerare.
quick-nothing = Skriv minst ett artikelnummer och antal, klistra in rader eller ladda upp en fil.
quick-added = Raderna lades i varukorgen.
list-and = och

# Company checkout
checkout-order-details = Orderuppgifter
checkout-po-number = Ert inköpsordernummer (valfritt)
checkout-po-invalid = Använd högst { $max } tecken för inköpsordernumret.
checkout-requested-delivery = Önskat leveransdatum (valfritt)
checkout-requested-delivery-hint = Vi levererar så snart vi kan om ni inte väljer ett senare datum.
checkout-date-invalid = Skriv datumet som år-månad-dag, t.ex. 2026-12-15.
checkout-date-too-early = Välj ett datum efter i dag.
checkout-date-too-late = Välj ett datum inom ett år.
checkout-note = Kommentar till oss (valfritt)
checkout-note-too-long = Håll kommentaren till { $max } tecken.
checkout-invoice-credit = tillgänglig kredit { $available } av { $limit }
checkout-terms-discount = { $adjustment } % rabatt vid förskottsbetalning
checkout-terms-surcharge = priserna { $adjustment } % högre med dessa villkor
checkout-credit-exceeded = Ordern är större än ert företags tillgängliga kredit ({ $available }). Betala med kort eller fråga er företagsadministratör om kreditgränsen.
checkout-invoice-unavailable = Ert företag handlar inte mot faktura. Betala med kort.
checkout-place-order = Lägg order
checkout-vat-reverse = Moms 0 % (omvänd skattskyldighet)
checkout-reverse-charge-note = Omvänd skattskyldighet: köparen redovisar momsen (artikel 196, rådets direktiv 2006/112/EG).

# Approvals
approvals-title = Attestering
approvals-lead-approver = Ordrar som är över en inköpares beloppsgräns väntar här på dig eller en annan attestant. Ingen attesterar sin egen order.
approvals-lead-buyer = Dina ordrar som är över din beloppsgräns väntar här på ert företags attestanter.
approvals-pending = Väntar på beslut
approvals-none = Inget väntar.
approvals-requester = Beställd av
approvals-placed = Lagd
approvals-amount = Belopp exkl. moms
approvals-po = Inköpsorder
approvals-comment = Kommentar
approvals-approve = Godkänn
approvals-reject = Avslå
approvals-own = Du lade den här ordern; en annan attestant beslutar.
approvals-decided = Senaste besluten
approvals-decision = Beslut
approval-status-pending = Väntar
approval-status-approved = Godkänd
approval-status-rejected = Avslagen
approval-payment-invoice = Faktura
approval-payment-card = Kort
approval-reason-order = Över inköparens gräns på { $limit } per order.
approval-reason-monthly = Månadens ordrar skulle bli { $amount }, över inköparens månadsgräns på { $limit }.
approval-note-pending = Väntar på ert företags attest. { $reason }
approval-note-approved = Godkänd av ert företag. { $comment }
approval-note-rejected = Avslagen av ert företag: { $comment }
approval-reject-needs-comment = Skriv varför ordern avslås; inköparen läser det.
approval-comment-too-long = Håll kommentaren till { $max } tecken.
approval-own-order = Du lade den här ordern, så en annan attestant måste besluta.
approval-already-decided = Någon har redan beslutat om den här ordern.
approval-credit = Ett godkännande skulle ta ert företag över kreditgränsen ({ $available } tillgängligt). Avslå ordern eller be oss höja gränsen.
approval-approved = Ordern är godkänd och inköparen har fått veta det.
approval-rejected = Ordern är avslagen och inköparen har fått veta det.
order-status-awaiting-approval-note = Väntar på attest
order-status-rejected = Avslagen
order-status-approved = Godkänd
order-pay-now = Betala nu
checkout-needs-approval = Ordern behöver ert företags attest innan den behandlas. { $reason }
checkout-sent-for-approval = Ordern väntar på ert företags attest.
mail-approval-subject = Order { $number } väntar på din attest
mail-approval-body = { $name } lade order { $number } ({ $amount } exkl. moms), som behöver attesteras. Godkänn eller avslå den här: { $link }
mail-approval-approved-subject = Order { $number } är godkänd
mail-approval-approved-body = Din order { $number } godkändes. { $comment } Se den här: { $link }
mail-approval-rejected-subject = Order { $number } avslogs
mail-approval-rejected-body = Din order { $number } avslogs: { $comment } Se den här: { $link }
nav-approvals = Attestering

# Reorder
order-again = Beställ igen
order-again-hint = Raderna du väljer kontrolleras mot dagens priser och lager; du bekräftar innan de läggs i varukorgen.
order-again-button = Kontrollera och beställ igen
quick-reorder-none = Välj minst en rad att beställa igen.
b2b-reorder = Beställ igen

# Requisition lists
lists-title = Inköpslistor
lists-lead = Spara produkterna ni beställer om och om igen. Delade listor ses och beställs av alla i ert företag; ägaren och företagsadministratörer ändrar dem.
lists-none = Inga listor ännu.
lists-name = Namn
lists-owner = Ägare
lists-lines = Rader
lists-updated = Ändrad
lists-you = Du
lists-shared-badge = Delad
lists-create = Ny lista
lists-shared = Dela med mitt företag
lists-create-button = Skapa listan
lists-name-missing = Ge listan ett namn.
lists-name-too-long = Använd högst { $max } tecken för namnet.
lists-line-count = { $count ->
    [one] 1 rad
   *[other] { $count } rader
}
lists-back = Alla listor
lists-shared-by = Delad lista
lists-private = Privat lista
lists-empty = Listan är tom. Lägg till produkter med artikelnummer nedan eller från en produktsida.
lists-choose = Beställ
lists-order = Kontrollera valda rader och beställ
lists-order-note = Dagens priser och lager kontrolleras först; du bekräftar innan de läggs i varukorgen.
lists-add = Lägg till en produkt
lists-add-button = Lägg till i listan
lists-settings = Namn och delning
lists-save = Spara
lists-delete = Ta bort listan
lists-saved = Listan är sparad.
lists-deleted = Listan är borttagen.
lists-added = Tillagd i listan.
lists-choose-lines = Välj minst en rad att beställa.
lists-add-from-product = Lägg i en lista
lists-which = Lista
nav-lists = Listor

# Company invoices
invoices-title = Fakturor och saldo
invoices-balance = Öppet saldo
invoices-overdue-total = Förfallet
invoices-open = Öppna fakturor
invoices-none-open = Inga öppna fakturor.
invoices-settled = Betalda och makulerade
invoices-number = Faktura
invoices-issued = Utfärdad
invoices-due = Förfaller
invoices-amount = Belopp inkl. moms
invoices-state = Status
invoice-open = Öppen
invoice-overdue = Förfallen
invoice-paid = Betald
invoice-cancelled = Makulerad
nav-invoices = Fakturor

# Exports
export-csv = Ladda ner som CSV
orders-company-wide = Alla ert företags ordrar, vem som än lade dem.
# Quotes (RFQ)
nav-quotes = Offerter
cart-request-quote = Begär offert
quotes-title = Offerter
quotes-lead = Be om priser på större eller speciella beställningar. En säljare svarar med priser som gäller till ett datum; godkänn offerten för att beställa till de priserna, eller svara med ett motbud.
quotes-request = Begär offert på varukorgen
quotes-request-empty = Lägg produkterna i varukorgen först och begär sedan en offert på dem.
quotes-open = Pågående offerter
quotes-closed = Tidigare offerter
quotes-none = Inga pågående offerter.
quote-number = Offert
quote-status = Status
quote-created = Begärd
quote-total = Summa exkl. moms
quote-valid-until = Gäller till
quote-status-requested = Begärd — väntar på vår offert
quote-status-answered = Offert mottagen
quote-status-negotiating = Motbud skickat — väntar på vårt svar
quote-status-accepted = Godkänd — klar att beställa
quote-status-ordered = Beställd
quote-status-declined = Avböjd
quote-status-withdrawn = Återkallad
quote-status-expired = Offerten har gått ut
quote-new-title = Begär offert
quote-new-lead = Raderna i varukorgen, med priset ni betalar i dag. Ändra antalen om ni vill, ange det styckpris ni siktar på och berätta vad ni behöver. Raderna flyttas från varukorgen till offerten.
quote-new-hint = Antal 0 tar bort en rad. Målpriser anges per styck, exkl. moms, och är frivilliga.
quote-lines = Offertrader
quote-your-price = Ert pris i dag
quote-target = Ert målpris
quote-offered = Offererat styckpris
quote-message = Meddelande
quote-send = Skicka förfrågan
quote-fix-errors = Kontrollera fälten som är markerade nedan.
quote-no-lines = Behåll minst en rad i offerten.
quote-too-many-lines = En offert rymmer högst { $max } rader.
quote-cart-empty = Varukorgen är tom: lägg till produkter först och begär sedan en offert.
quote-requested = Er offertförfrågan är skickad. Vi svarar inom en arbetsdag.
quote-price-missing = Ange ett styckpris.
quote-price-invalid = Ange priset som ett belopp, t.ex. 850 eller 1 249,50.
quote-price-zero = Priset måste vara större än noll.
quote-message-too-long = Meddelandet är för långt (högst 2 000 tecken).
quote-message-missing = Skriv ett meddelande.
quote-valid-missing = Ange datumet offerten gäller till.
quote-valid-invalid = Ange datumet som ÅÅÅÅ-MM-DD.
quote-valid-past = Datumet har passerat: välj i dag eller senare.
quote-valid-too-far = En offert kan gälla i högst 90 dagar.
quote-problem-not-yours = Det är den andra partens sak att göra.
quote-problem-not-now = Offerten har ändrats sedan du öppnade den: se status och meddelanden nedan.
quote-problem-expired = Offerten har gått ut. Svara med ett motbud eller ett meddelande för att be om en ny.
quote-price-note = Offererade priser gäller per styck, exkl. moms, för antalen ovan oavsett betalningsvillkor. Moms läggs till i kassan.
quote-accept = Godkänn och beställ
quote-checkout = Fortsätt till kassan
quote-withdraw = Återkalla offerten
quote-counter-title = Svara eller lägg ett motbud
quote-counter-hint = Ändra antal eller målpriser och skicka dem som motbud, eller skicka bara ett meddelande.
quote-counter = Skicka motbud
quote-message-title = Skriv till oss
quote-message-send = Skicka meddelande
quote-thread = Konversation
quote-from-shop = { $name } (Duett)
quote-entry-request = Offert begärd
quote-entry-offer = Offert
quote-entry-counter = Motbud
quote-entry-accepted = Offerten godkänd
quote-entry-ordered = Beställd
quote-entry-declined = Avböjd
quote-entry-withdrawn = Återkallad
quote-entry-message = Meddelande
quote-done-counter = Ert motbud är skickat.
quote-done-message = Ert meddelande är skickat.
quote-done-withdrawn = Offerten är återkallad.
checkout-quote = Offert
checkout-quote-note = Offert { $number } till de offererade priserna, giltig till { $until }. Rabattkoder och erbjudanden gäller inte offererade priser.
checkout-quote-closed = Offerten kan inte längre beställas: den är inte längre godkänd eller har gått ut.
checkout-back-to-quote = Tillbaka till offerten
admin-quotes = Offerter
admin-quotes-search = Offertnummer eller företag
admin-quotes-empty = Inga offerter matchar.
admin-company = Företag
admin-quote-company-price = Deras pris i dag
admin-quote-price-note = Deras pris i dag är vad företaget betalar för det antalet via sin prislista, sitt avtal och sina betalningsvillkor. Offererade priser är slutliga styckpriser exkl. moms.
admin-quote-offer = Skicka offert
admin-quote-decline = Avböj
admin-quote-done-offer = Offerten är skickad till köparen.
admin-quote-done-declined = Offerten är avböjd.
admin-quote-done-message = Meddelandet är skickat.
mail-quote-requested-subject = Offertförfrågan { $number }
mail-quote-requested-body = Ett företag ber om en offert ({ $number }). Svara här: { $link }
mail-quote-countered-subject = Motbud på offert { $number }
mail-quote-countered-body = Köparen har svarat på offert { $number } med ett motbud: { $link }
mail-quote-withdrawn-subject = Offert { $number } återkallad
mail-quote-withdrawn-body = Köparen har återkallat offert { $number }: { $link }
mail-quote-message-subject = Nytt meddelande om offert { $number }
mail-quote-message-body = Det finns ett nytt meddelande om offert { $number }: { $link }
mail-quote-answered-subject = Er offert { $number }
mail-quote-answered-body = Vi har svarat på er offertförfrågan { $number } med priser. Läs offerten, godkänn den eller svara här: { $link }
mail-quote-declined-subject = Offert { $number } avböjd
mail-quote-declined-body = Tyvärr kan vi inte lämna priser för offert { $number }. Läs varför här: { $link }
acting-banner = { $name }, du agerar för { $buyer } på { $company }: det du gör här görs i deras namn och loggas.
acting-region = Agerar för en köpare
acting-stop = Sluta agera
admin-act-for = Agera för en köpare
admin-act-for-lead = Gå in i portalen som ett företags köpare för att fylla en varukorg, begära en offert eller lägga en order åt dem. En banderoll syns på varje sida; deras lösenord, e-post, attester och företagsinställningar går inte att nå, och varje ändring loggas.
admin-act-for-search = Namn, e-post eller företag
admin-act-for-empty = Ingen matchar.
admin-act-for-button = Agera för { $name }
admin-act-for-role = Roll i företaget
admin-quote-target = Deras målpris
invoice-credited = { $amount } krediterat för returer
admin-return-credited = krediterat på faktura { $number }

## Ändra en företagsorder innan den packas
order-change-link = Ändra ordern
order-change-hint = Antal, inköpsordernummer, leveransdatum eller kommentar, tills den packas.
order-change-title = Ändra order { $number }
order-change-back = Tillbaka till ordern
order-change-lead = Ändra antal (0 tar bort en rad) eller orderuppgifterna, granska den nya summan och spara. Ändrade rader prissätts till dagens priser med orderns betalningsvillkor. En godkänd order som ändras går tillbaka till företagets attestanter.
order-change-ordered = Beställt
order-change-new-quantity = Nytt antal
order-change-quantity-hint = Lägg en ny order för att lägga till andra produkter.
order-change-review = Granska ändringen
order-change-review-title = Ordern efter ändringen
order-change-unit = Pris per styck exkl. moms
order-change-line-net = Rad exkl. moms
order-change-was = Ordern var { $amount } inkl. moms.
order-change-save = Spara ändringen
order-change-to-approval = När du sparar skickas ordern till företagets attestanter: { $reason }
order-change-released = Med ändringen ryms ordern inom inköparens gränser: den väntar inte längre på attest.
order-change-no-approval = Ändringen behöver inget godkännande.
order-change-fix-errors = Kontrollera de markerade fälten.
order-change-nothing = Inget ändrades.
order-change-all-removed = Minst en rad måste finnas kvar. Avbryt ordern om allt ska bort.
order-change-not-sold = { $name } säljs inte längre: sätt antalet till 0 för att ta bort raden.
order-change-quantity-rule = { $name }: det antalet kan inte beställas.
order-change-out-of-stock = Endast { $available } av { $name } kan beställas nu.
order-change-stock = Endast { $available } kan beställas nu.
order-change-delivery = Orderns leveranssätt erbjuds inte längre. Kontakta kundservice.
order-change-total-changed = Priserna har ändrats sedan du granskade. Kontrollera den nya summan och spara igen.
order-change-quantity-invalid = Ange ett heltal (0 tar bort raden).
order-change-quantity-large = Ange högst 100000.
order-change-too-late = Ordern kan inte längre ändras: den är betald, packad eller avslutad. Kontakta kundservice.
order-change-from-quote = Ordern lades från en offert till offererade priser: be om en ny offert för att ändra den.
order-change-coupon = Ordern använde en rabattkod: avbryt den och beställ igen för att ändra.
order-change-not-yours = Bara den som lade ordern, eller en företagsadministratör, kan ändra den.
order-change-not-company = Bara företagsordrar kan ändras.
order-changed = Ordern ändrades.
order-changed-to-approval = Ordern ändrades och skickades till företagets attestanter.
order-status-changed = Ändrad
approval-status-superseded = Ersatt av en ändring
approval-note-superseded = Ordern ändrades och behöver inte längre godkännas.
approval-reason-changed = Ordern ändrades efter att den godkänts.

## Livedemor ("Boka en livedemo")
demos-title = Livedemor
demos-lead = Boka en säljare som visar produkter live, på distans eller hos er. Era förfrågningar och tider finns här.
demos-none = Du har inte bett om någon livedemo än.
demos-yours = Dina demoförfrågningar
demo-new-title = Boka en livedemo
demo-new-lead = Berätta vad du vill se och när det passar. En säljare bekräftar en tid, oftast inom en arbetsdag.
demo-from-page = Om
demo-topic = Vad vill du se?
demo-topic-hint = En produkt, ett sortiment eller ett problem att lösa.
demo-preferred-date = Önskad dag
demo-preferred-date-hint = En vardag (måndag till fredag), från i morgon upp till sex månader framåt.
demo-time-of-day = Önskad tid på dagen
demo-time-morning = Förmiddag (8–12)
demo-time-afternoon = Eftermiddag (13–17)
demo-time-any = När som helst
demo-format = Var
demo-format-online = På distans (videomöte)
demo-format-on-site = På plats hos företaget
demo-attendees = Antal personer
demo-phone = Telefon (valfritt)
demo-phone-hint = Om du vill att vi ringer för att komma överens om tiden.
demo-message = Meddelande
demo-send = Skicka förfrågan
demo-number = Demoförfrågan
demo-preferred = Önskemål
demo-when = Tid
demo-scheduled-title = Din demo är bokad
demo-cancel-reason = Anledning:
demo-withdraw = Återkalla förfrågan
demo-requested = Tack! Vi har fått din demoförfrågan och en säljare bekräftar en tid.
demo-withdrawn = Demoförfrågan återkallades.
demo-not-now = Demoförfrågan kan inte ändras nu: den är genomförd, inställd eller ändrad under tiden.
demo-fix-errors = Kontrollera de markerade fälten.
demo-status-requested = Väntar på en tid
demo-status-scheduled = Bokad
demo-status-held = Genomförd
demo-status-cancelled = Inställd
demo-topic-missing = Berätta vad du vill se.
demo-topic-long = Högst 200 tecken; skriv mer i meddelandet.
demo-date-missing = Välj en dag.
demo-date-invalid = Ange dagen som ÅÅÅÅ-MM-DD.
demo-date-past = Välj en dag efter i dag.
demo-date-far = Välj en dag inom sex månader.
demo-date-weekend = Vi håller livedemor på vardagar: välj en dag måndag till fredag.
demo-time-invalid = Välj en tid på dagen.
demo-format-invalid = Välj på distans eller hos er.
demo-attendees-invalid = Ange ett heltal från 1 till 50.
demo-phone-invalid = Ange ett telefonnummer med 6 till 15 siffror (mellanslag, +, - och parenteser går bra), eller lämna tomt.
demo-message-long = Högst 2 000 tecken.
demo-at-missing = Välj dag och tid.
demo-at-invalid = Ange dag och tid som ÅÅÅÅ-MM-DD TT:MM.
demo-at-past = Välj en tid framåt.
demo-at-far = Välj en tid inom sex månader.
demo-details-missing = Ange möteslänken eller adressen och vem man frågar efter.
demo-details-long = Högst 1 000 tecken.
demo-reason-missing = Ange varför, så att köparen vet.
admin-demos = Demoförfrågningar
admin-demos-search = Nummer, företag eller ämne
admin-demos-empty = Inga demoförfrågningar matchar.
admin-queue-demos = Demoförfrågningar att boka
admin-demo-assigned = Säljare
admin-demo-details = Mötesuppgifter
admin-demo-details-hint = En länk till videomötet, eller adressen och vem man frågar efter. Köparen ser detta.
admin-demo-schedule-title = Boka demon
admin-demo-at = Dag och tid
admin-demo-zone = Butikens tid:
admin-demo-schedule = Boka och meddela köparen
admin-demo-hold = Markera som genomförd
admin-demo-reason = Anledning till att demon ställs in (köparen ser den)
admin-demo-cancel = Ställ in demon
admin-demo-done-schedule = Demon är bokad och köparen har fått besked.
admin-demo-done-hold = Demon är markerad som genomförd.
admin-demo-done-cancel = Demon är inställd och köparen har fått besked.
mail-demo-requested-subject = Förfrågan om livedemo { $number } från { $company }
mail-demo-requested-body = { $company } ber om en livedemo ({ $number }): { $topic }. Boka den här: { $link }
mail-demo-received-subject = Vi har fått din demoförfrågan { $number }
mail-demo-received-body = Tack för att du bad om en livedemo av { $topic } ({ $number }). En säljare bekräftar en tid. Följ den här: { $link }
mail-demo-scheduled-subject = Din livedemo { $number } är bokad
mail-demo-scheduled-body = Din livedemo av { $topic } ({ $number }) är bokad { $when }. { $details } Detaljer: { $link }
mail-demo-cancelled-subject = Livedemo { $number } inställd
mail-demo-cancelled-body = Vi har tyvärr fått ställa in livedemon av { $topic } ({ $number }): { $reason } Detaljer: { $link }
mail-demo-withdrawn-subject = Demoförfrågan { $number } återkallad
mail-demo-withdrawn-body = { $company } har återkallat demoförfrågan { $number } ({ $topic }): { $link }

## Hjälp och vanliga frågor
help-title = Hjälp och kundtjänst
help-lead = Hur du når oss, svar på vanliga frågor och var du följer en order, returnerar något eller hittar era fakturor.
help-contact = Kontakta oss
help-email = E-post:
help-response = Vi siktar på att svara på e-post och ärenden inom { $when }, dygnet runt. Just nu svarar vi inom ungefär { $time }.
help-phone = Telefon:
help-phone-hours = Vardagar { $opens }–{ $closes } ({ $zone }).
help-phone-open = Telefonen är öppen nu.
help-phone-closed = Telefonen är stängd nu; den öppnar { $when }.
help-hours = { $count ->
    [one] 1 timme
   *[other] { $count } timmar
}
help-minutes = { $count ->
    [one] 1 minut
   *[other] { $count } minuter
}
help-self-service = Gör det själv
help-orders = Dina ordrar och deras leverans
help-orders-guest = (handlat som gäst? Använd länken i orderbekräftelsen.)
help-returns = Returer och byten: öppna ordern och välj "Returnera eller byt varor" (30 dagars öppet köp).
help-invoices = Företagets fakturor och öppna saldo
help-quotes = Offerter
help-top = Vanliga frågor
help-all-faq = Alla frågor och svar
help-a11y-title = Tillgänglighet
help-a11y-target = Vi bygger butiken för att uppfylla WCAG 2.2 nivå AA: varje sida fungerar med tangentbord och skärmläsare, utan JavaScript och med 400 % zoom.
help-a11y-how = Vi testar varje sida med automatiska kontroller (axe-core) och för hand med tangentbord. Om något ändå är i vägen för dig vill vi veta det.
help-a11y-report = Rapportera ett hinder — sidan, vad du försökte och vad som hände — till
faq-title = Frågor och svar
faq-lead = Sök eller bläddra efter ämne. Varje svar har en egen länk att dela.
faq-search-label = Sök bland frågor och svar
faq-search = Sök
faq-found = { $count } svar för ”{ $query }”.
faq-found-one = 1 svar för ”{ $query }”.
faq-show-all = Visa alla frågor
faq-none = Inget svar matchar dina ord. Prova färre eller andra ord, eller kontakta oss.
faq-contact = Kontakta kundtjänst
faq-topics = Ämnen
faq-link = Länk till svaret
faq-topic-ordering = Beställa
faq-topic-delivery = Leverans
faq-topic-returns = Returer och byten
faq-topic-payment = Betalning
faq-topic-invoices = Fakturor och kredit
faq-topic-approvals = Attester och gränser
faq-topic-quotes = Offerter och priser
faq-topic-account = Ditt konto
faq-topic-privacy = Integritet
faq-topic-accessibility = Tillgänglighet
faq-topic-other = Övriga frågor
admin-faq = Vanliga frågor
admin-faq-new = Ny fråga
admin-faq-edit = Ändra fråga
admin-faq-view = Se den i hjälpcentret
admin-faq-search = Ord i frågan
admin-faq-empty = Inga frågor matchar.
admin-faq-question = Fråga
admin-faq-answer = Svar
admin-faq-answer-hint = Markdown: en tom rad börjar ett nytt stycke; **fet**, listor med "- ", länkar som [text](/adress). HTML visas som text.
admin-faq-topic = Ämne
admin-faq-choose = Välj ett ämne
admin-faq-audience = För
admin-faq-audience-b2c = Konsumenter
admin-faq-audience-b2b = Företag
admin-faq-audience-both = Alla
admin-faq-position = Ordning
admin-faq-position-hint = Lägre nummer kommer först inom ett ämne (0–9999).
admin-faq-publish = Publicerad i hjälpcentret
admin-faq-published = Publicerad
admin-faq-draft = Utkast
admin-faq-save = Spara
admin-faq-delete = Ta bort
faq-saved = Frågan sparades.
faq-deleted = Frågan togs bort.
faq-fix-errors = Kontrollera de markerade fälten.
faq-question-short = Skriv frågan (minst 5 tecken).
faq-question-long = Högst 200 tecken i frågan.
faq-answer-missing = Skriv svaret.
faq-answer-long = Högst 5 000 tecken i svaret.
faq-topic-invalid = Välj ett ämne.
faq-audience-invalid = Välj vem den är för.
faq-position-invalid = Ange ett heltal från 0 till 9999.
# Ärenden efter köpet
duration-days = { $count ->
    [one] 1 dag
   *[other] { $count } dagar
}
duration-hours = { $count ->
    [one] 1 timme
   *[other] { $count } timmar
}
duration-minutes = { $count ->
    [one] 1 minut
   *[other] { $count } minuter
}
case-kind-damaged = Skadad vara
case-kind-wrong-item = Fel vara levererad
case-kind-missing = Något saknas
case-kind-delivery = Leveransproblem
case-kind-invoice = Fråga om faktura
case-kind-other = Något annat
case-status-open = Öppet
case-status-waiting-on-customer = Väntar på ditt svar
case-status-resolved = Löst
case-status-closed = Stängt
case-timer-first-met = Besvarat { $time } före målet
case-timer-first-late = Besvarat { $time } efter målet
case-timer-first-running = Första svar inom { $time }
case-timer-first-paused = Första svar inom { $time }
case-timer-first-overdue = Inget svar än, { $time } efter målet
case-timer-resolution-met = Löst { $time } före målet
case-timer-resolution-late = Löst { $time } efter målet
case-timer-resolution-running = Ska vara löst inom { $time }
case-timer-resolution-paused = Pausad medan kunden svarar ({ $time } kvar)
case-timer-resolution-overdue = Inte löst, { $time } efter målet
case-internal-by = Intern anteckning · { $name }
case-agent-by = Kundservice · { $name }
case-from-shop = Duett kundservice
case-from-customer = Kund
case-event-status = Status: { $status }
case-event-return = Retur { $details } påbörjad för ärendet
case-event-refund = Återbetalt: { $details }
case-photo-alt = Foto { $count }: { $name }
case-photo-empty = { $name } är tom. Välj fotot igen.
case-photo-too-large = { $name } är större än { $size } MB. Välj ett mindre foto.
case-photo-not-a-photo = { $name } är inte ett JPEG-, PNG- eller WebP-foto.
case-photo-too-many = Bifoga högst { $count } foton åt gången.
case-photos-hint = Upp till { $count } foton (JPEG, PNG eller WebP), { $size } MB vardera.
case-photos-choose-again = Dina foton var i ordning men sparas inte när något annat behöver rättas: välj dem igen.
case-response-expected = Vi svarar inom ungefär { $time }, dygnet runt.
case-answers-to = Vi svarar via e-post till { $email } och här på ärendets sida.
case-error-summary = Rätta fälten som är markerade nedan.
case-error-kind = Välj vad problemet gäller.
case-error-description-short = Beskriv problemet med minst { $count } tecken.
case-error-description-long = Håll det till { $count } tecken.
case-error-lines = Ange hur många enheter som berörs på minst en rad.
case-error-line = Ange ett heltal från 0 till { $count }.
case-error-line-summary = Kontrollera antalen som är markerade nedan.
case-error-reply-empty = Skriv ett meddelande eller bifoga ett foto.
case-closed-no-reply = Ärendet är stängt. Anmäl ett nytt problem från orderns sida.
case-changed-meanwhile = Ärendet ändrades under tiden; det visas som det är nu. Din text finns kvar nedan.
case-created = Tack. Vi har fått ditt ärende och svarar snart; vi har skickat länken till dig.
case-reply-sent = Ditt meddelande är skickat.
case-closed = Ärendet är stängt.
case-answered-after = Besvarat efter { $time }
case-answer-by = Vi siktar på att svara senast { $time }
case-new-title = Anmäl ett problem
case-kind = Vad gäller det?
case-lines = Vilka varor
case-lines-hint = Hur många enheter på varje rad som berörs (lämna tomt när raden är i ordning).
case-units = Berörda enheter
case-description = Beskriv problemet
case-description-hint = Vad som hände, och vad som skulle rätta till det för dig.
case-photos = Foton (frivilligt)
case-send = Skicka till kundservice
case-title = Ärende
case-first-answer = Första svar
case-return = Retur
case-thread = Meddelanden
case-closed-note = Ärendet är stängt. Om något fortfarande är fel, anmäl ett nytt problem från orderns sida.
case-your-reply = Ditt meddelande
case-send-reply = Skicka meddelande
case-close-hint = Är allt löst? Stäng ärendet.
case-close = Stäng ärendet
cases-all = Alla mina ärenden
cases-title = Mina ärenden
cases-company-wide = Alla ärenden i ert företag, med vem som öppnade dem.
cases-how = Öppna ordern och välj "Anmäl ett problem" för att anmäla ett problem med en order.
cases-none = Du har inga ärenden.
cases-to-orders = Till mina ordrar
case-subject = Ämne
case-opened-by = Öppnat av
case-status = Status
case-updated = Senast ändrat
case-opened = Öppnat
order-help = Problem med ordern?
order-report-problem = Anmäl ett problem
order-report-hint = Skadade, fel eller saknade varor, leverans eller faktura: vi svarar inom en timme, dygnet runt.
mail-case-opened-subject = Vi har fått ditt ärende { $number }
mail-case-opened-body = Tack för att du berättade om { $topic }. Vi svarar inom ungefär { $when }. Följ ärendet och svara här: { $link }
mail-case-new-subject = Nytt ärende { $number }: { $topic }
mail-case-new-body = En kund har öppnat ärende { $number } ({ $topic }). Svara här: { $link }
mail-case-reply-subject = Nytt svar i ditt ärende { $number }
mail-case-reply-body = Kundservice har svarat i ditt ärende { $number }. Läs och svara här: { $link }
mail-case-customer-reply-subject = Kunden har svarat i ärende { $number }
mail-case-customer-reply-body = Det finns ett nytt meddelande i ärende { $number }: { $link }
mail-case-resolved-subject = Ditt ärende { $number } är löst
mail-case-resolved-body = Vi anser att ärende { $number } är löst. Om något fortfarande är fel, svara i ärendet så öppnas det igen: { $link }
mail-case-closed-subject = Ditt ärende { $number } är stängt
mail-case-closed-body = Ärende { $number } är stängt. Du kan fortfarande läsa det här: { $link }
mail-case-return-subject = En retur har påbörjats för ditt ärende { $number }
mail-case-return-body = För ärende { $number } har vi påbörjat retur { $details }. Skriv ut följesedeln och skicka tillbaka varorna; ärendet: { $link }
mail-case-refund-subject = Vi har betalat tillbaka för ärende { $number }
mail-case-refund-body = För ärende { $number } har vi betalat tillbaka { $details }. Ärendet: { $link }
admin-cases = Supportärenden
admin-cases-active = Aktiva (öppna eller väntande)
admin-cases-mine = Mina
admin-cases-unassigned = Ingen
admin-cases-nobody = Ingen
admin-cases-counts = { $count } aktiva ärenden, { $used } efter ett mål.
admin-cases-search = Ärende, e-post, ämne, order eller företag
admin-cases-assigned = Tilldelat
admin-cases-breached-only = Bara de som passerat ett mål
admin-cases-empty = Inga ärenden matchar.
admin-case-customer = Kund
admin-case-resolution = Lösning
admin-case-breached = Efter målet
admin-case-facts = Om ärendet
admin-case-reply-title = Svara
admin-case-reply = Meddelande
admin-case-internal = Intern anteckning (kunden ser den inte)
admin-case-after = Efteråt är ärendet
admin-case-after-waiting-on-customer = Väntar på kunden
admin-case-after-open = Fortfarande öppet (vi arbetar med det)
admin-case-after-resolved = Löst
admin-case-send = Skicka
admin-case-actions = Åtgärder
admin-case-assign = Tilldela
admin-case-take = Ta det
admin-case-resolve = Markera som löst
admin-case-close = Stäng
admin-case-reopen = Öppna igen
admin-case-return-title = Påbörja retur eller byte
admin-case-return-start = Påbörja åt kunden
admin-case-refund-title = Återbetala utan retur
admin-case-refund-amount = Belopp inkl. moms
admin-case-refund-note = Vad det gäller (kunden läser det)
admin-case-refund = Återbetala
admin-case-guest = Gäst
admin-case-return-not-shipped = Bara en skickad eller levererad order kan returneras.
admin-case-return-window-closed = Orderns returtid har gått ut.
admin-case-return-variant = Välj en variant i lager för varje rad som ska bytas.
admin-case-refund-left = Upp till { $details } återstår att återbetala.
admin-case-after-missing = Välj var ärendet hamnar efter meddelandet.
admin-case-closed-reopen = Ärendet är stängt: öppna det igen först.
admin-case-noted = Anteckningen är sparad.
admin-case-replied = Svaret är skickat till kunden.
admin-case-not-now = Det passar inte ärendet just nu.
admin-case-moved = Ärendet är uppdaterat.
admin-case-assign-refused = Välj en supportmedarbetare eller administratör.
admin-case-assigned = Ärendet är tilldelat.
admin-case-return-started = Returen är påbörjad och kunden har fått följesedeln.
admin-case-refund-no-order = Ärendet gäller ingen order.
admin-case-refund-zero = Ange ett belopp över noll.
admin-case-refund-too-much = Högst { $details } återstår att återbetala.
admin-case-refund-note-missing = Ange vad återbetalningen gäller.
admin-case-refund-unpaid = Ordern är inte betald än: inget att återbetala.
admin-case-refunded = Återbetalt; kunden har fått ett mejl.
admin-queue-cases-breached = Ärenden som passerat sitt svars- eller lösningsmål
help-cases = Något fel med en order? Öppna ordern och välj "Anmäl ett problem"; följ dina ärenden under
admin-case-status-open = Öppet
admin-case-status-waiting-on-customer = Väntar på kunden
admin-case-status-resolved = Löst
admin-case-status-closed = Stängt

## Live chat
chat-unsent = Ditt meddelande skickades inte; här är det att kopiera:
order-chat = Chatta med oss om beställningen
help-chat = Livechatt, dygnet runt:
chat-title = Chatta med oss
chat-launcher = Chatta med oss
chat-panel-close = Stäng chattfönstret
chat-intro = Fråga oss om produkter, beställningar, leverans eller returer. Våra handläggare svarar dygnet runt.
chat-queue-empty = Ingen står i kö: en handläggare kan svara dig nu.
chat-queue-count = { $count ->
    [one] 1 person väntar på en handläggare just nu.
   *[other] { $count } personer väntar på en handläggare just nu.
}
chat-order = Vilken beställning gäller det? (valfritt)
chat-order-none = Ingen särskild beställning
chat-order-unknown = Vi hittade inte den beställningen bland dina. Välj en i listan, eller starta chatten från beställningens sida.
chat-about-order = Gäller beställning
chat-name = Ditt namn
chat-email = E-postadress
chat-email-hint = Så att vi kan skicka en kopia av chatten och svara via e-post om du går.
chat-first-message = Hur kan vi hjälpa dig?
chat-start = Starta chatten
chat-other-ways = Hellre e-post eller telefon?
chat-status-waiting = Väntar på en handläggare — du är nummer { $position } i kön. Ha sidan öppen eller kom tillbaka: chatten sparas.
chat-status-active = Du chattar med { $name } från kundservice.
chat-status-closed = Chatten är avslutad. En kopia har skickats till din e-postadress.
chat-conversation = Samtal
chat-you = Du
chat-agent-name = { $name } · kundservice
chat-event-taken = { $name } har anslutit till chatten.
chat-event-closed-agent = Kundservice avslutade chatten.
chat-event-closed-customer = Kunden avslutade chatten.
chat-event-case = Ärende { $number } skapades från chatten.
chat-case-opened = Vi har skapat ett ärende åt dig; följ det här:
chat-your-message = Ditt meddelande
chat-send = Skicka
chat-refresh = Se nya meddelanden
chat-end = Avsluta chatten
chat-ended-note = Du kan starta en ny chatt när du vill.
chat-start-new = Starta en ny chatt
chat-message-empty = Skriv ett meddelande först.
chat-message-long = Håll meddelandet under { $count } tecken.
chat-name-missing = Skriv ditt namn.
chat-name-long = Håll namnet under { $count } tecken.
chat-email-invalid = Skriv en e-postadress som namn@exempel.se.
chat-subject-short = Ge ärendet en rubrik på minst 3 tecken.
chat-subject-long = Håll rubriken under { $count } tecken.
chat-refused-closed = Chatten är avslutad, så inget mer kan skrivas i den.
chat-refused-not-taken = Ta chatten innan du skriver i den.
chat-refused-yours = Du har redan den här chatten.
chat-refused-not-allowed = Det går inte i den här chatten.
chat-new-message = Nytt meddelande i chatten
mail-chat-subject = Din chatt med Duetts kundservice
mail-chat-body = Hej { $name },

  här är en kopia av din chatt med oss.

  { $transcript }

  Behöver du mer hjälp? Svara på det här mejlet eller starta en ny chatt i butiken.
admin-chats = Livechatt
admin-chats-live = Listorna uppdateras av sig själva medan sidan är öppen.
admin-chats-waiting = { $count ->
    [0] Väntar på handläggare
    [one] Väntar på handläggare (1)
   *[other] Väntar på handläggare ({ $count })
}
admin-chats-none-waiting = Ingen väntar.
admin-chats-active = Pågår
admin-chats-none-active = Inga chattar pågår.
admin-chats-ended = Avslutade senaste dygnet
admin-chats-none-ended = Inga chattar avslutades senaste dygnet.
admin-chat-latest = Senaste meddelande
admin-chat-started = Startad
admin-chat-waited = Väntat
admin-chat-waiting-for = { $time }
admin-chat-agent = Handläggare
admin-chat-yours = din
admin-chat-ended-at = Avslutad
admin-chat-title = Chatt
admin-chat-guest = gäst
admin-chat-take = Ta chatten
admin-chat-take-over = Ta över från { $name }
admin-chat-status-waiting = Väntar på en handläggare: ta den för att svara.
admin-chat-status-yours = Du har den här chatten.
admin-chat-status-active = { $name } har den här chatten.
admin-chat-status-closed = Chatten är avslutad.
admin-chat-moved = Någon annan ändrade chatten nyss; här är den som den är nu.
admin-chat-unknown-action = Välj vad som ska göras med chatten.
admin-chat-case-exists = Chatten har redan blivit ett ärende.
admin-chat-reply = Ditt svar
admin-chat-end = Avsluta chatten
admin-chat-case-title = Gör om till ett eftermarknadsärende
admin-chat-case-hint = Samtalet blir ärendets första meddelande, kunden får ärendets länk via e-post och ärendet följer de vanliga svarstiderna.
admin-chat-case-choose = Välj vad det gäller
admin-chat-case-open = Skapa ärendet
admin-queue-chats = Chattar som väntar på handläggare
admin-case-replacement-title = Skicka ersättning
admin-case-replacement-hint = En ny beställning av de här enheterna, kostnadsfritt, till beställningens leveransadress; den går till packning som en betald order. Tomma rader skickas inte.
admin-case-replacement-send = Skicka ersättningen
admin-case-replacement-sent = Ersättningsordern är skapad och väntar på packning; kunden har fått besked.
admin-case-replacement-no-order = Ärendet gäller ingen beställning, så det finns inget att ersätta.
admin-case-replacement-not-shipped = Ersättning kan skickas när beställningen har skickats.
admin-case-replacement-nothing = Ange hur många enheter som ska skickas på minst en rad.
admin-case-replacement-lines = Ange heltal från 0 upp till det beställda antalet.
admin-case-replacement-stock = Det finns inte tillräckligt i lager för att skicka: { $details }. Inget skickades.
order-replacement-note = Ersättning för beställning { $number } (ärende { $details }), kostnadsfritt
order-status-replacement = Ersättning skickad
case-event-replacement = En ersättning skickades kostnadsfritt: order { $details }
mail-case-replacement-subject = En ersättning är på väg (ärende { $number })
mail-case-replacement-body = För ärende { $number } skickar vi en ersättning kostnadsfritt: order { $details }. Ärendet: { $link }

## Promotions (staff)
admin-promotions = Kampanjer
promo-new = Ny kampanj
promo-edit = Ändra kampanj
promo-fix-errors = Rätta fälten som är markerade nedan; inget sparades.
promo-saved = Kampanjen är sparad; startsidorna visar den enligt schemat.
promo-deleted = Kampanjen är borttagen.
promo-kind = Typ
promo-kind-banner = Banner
promo-kind-slide = Karusellbild
promo-title = Rubrik
promo-body = Text
promo-link = Länk
promo-link-hint = En sida i butiken (/categories/garden) eller en https://-adress.
promo-label = Länktext
promo-image = Bild (valfri)
promo-image-hint = En bild på den här webbplatsen: välj en uppladdad (Filer) eller skriv dess adress, t.ex. /static/img/var.jpg.
promo-audience = Visas för
promo-audience-everyone = Alla
promo-audience-consumers = Konsumenter och besökare
promo-audience-signed-in = Inloggade
promo-audience-companies = Företagsköpare
promo-starts = Börjar
promo-ends = Slutar (valfritt)
promo-times-hint = Enligt butikens klocka. Utan slut pågår den tills den stängs av.
promo-priority = Prioritet
promo-priority-hint = Högre visas först, från -1000 till 1000.
promo-active = Påslagen
promo-save = Spara
promo-delete = Ta bort
promo-search = Sök rubriker
promo-state = Läge
promo-state-running = Pågår
promo-state-scheduled = Schemalagd
promo-state-ended = Avslutad
promo-state-off = Avstängd
promo-window = När
promo-from = från { $time }
promo-none = Inga kampanjer matchar.
promo-preview = Förhandsvisning
promo-preview-at = Vid
promo-preview-who = Sett av
promo-seen-by-consumers = en besökare eller konsument
promo-seen-by-signed-in = en inloggad konsument
promo-seen-by-companies = en företagsköpare
promo-preview-show = Visa
promo-preview-title = Vad { $audience } ser { $time }, i ordning
promo-preview-none = Inget pågår då; startsidan visar sin vanliga välkomsttext.
promo-kind-invalid = Välj banner eller karusellbild.
promo-title-missing = Ge kampanjen en rubrik.
promo-title-long = Håll rubriken under { $count } tecken.
promo-body-long = Håll texten under { $count } tecken.
promo-link-missing = Lägg till länken som texten leder till, eller lämna länktexten tom.
promo-link-invalid = Använd en sida i butiken (som börjar med /) eller en https://-adress.
promo-label-missing = Skriv länkens text.
promo-label-long = Håll länktexten under { $count } tecken.
promo-image-invalid = Använd en bild bland butikens egna filer (som börjar med /static/ eller /media/).
promo-audience-invalid = Välj vem som ser den.
promo-starts-invalid = Ange när den börjar (datum och tid).
promo-ends-invalid = Ange datum och tid, eller lämna tomt.
promo-ends-before = Slutet måste komma efter starten.
promo-priority-invalid = Ange ett heltal från -1000 till 1000.

## Dashboard figures
admin-sales = Försäljning
admin-sales-note = Betalda ordrar och ordrar bekräftade mot faktura, inkl. moms, enligt butikens klocka. Intäkter är det som beställdes under perioden; återbetalt är det som betalades tillbaka under den (returer och återbetalningar från en order eller ett ärende), och nettointäkter är intäkter minus återbetalt.
admin-shop-b2c = Konsumentbutiken (B2C)
admin-shop-b2b = Företagsportalen (B2B)
admin-period-today = I dag
admin-period-7 = 7 dagar
admin-period-30 = 30 dagar
admin-figure-revenue = Intäkter
admin-figure-refunds = Återbetalt
admin-figure-net = Nettointäkter
admin-figure-orders = Ordrar
admin-figure-average = Snittorder
admin-figure-new-customers = Nya kunder
admin-chart-title = Intäkter per dag, senaste 30 dagarna: { $shop }
admin-chart-desc = Totalt { $total }; bästa dag { $best }.
admin-chart-no-sales = ingen (ingen försäljning)
admin-chart-table = Diagrammets siffror som tabell
admin-chart-day = Dag
admin-top-products = Bäst säljande, 30 dagar
admin-top-none = Ingen försäljning de senaste 30 dagarna.
admin-top-product = Produkt
admin-top-units = Antal

## Audit viewer
admin-audit-actor = Vem (e-post)
admin-audit-subject-id = Objektets id
admin-audit-from = Från
admin-audit-to = Till
admin-audit-change = Ändring
admin-audit-none = Inga poster matchar.
admin-audit-date-invalid = Ange ett datum som 2026-12-04; det här tas inte med i filtret.

## Coupons (staff)
admin-coupons = Rabattkoder
coupon-new = Ny rabattkod
coupon-edit = Ändra rabattkod
coupon-saved = Rabattkoden är sparad; nästa kassa använder den som den är nu.
coupon-search = Sök koder
coupon-none = Inga rabattkoder matchar.
coupon-code = Kod
coupon-code-hint = 3–40 bokstäver, siffror, - eller _; kunder kan skriva den med stora eller små bokstäver.
coupon-kind = Typ
coupon-kind-percent = En procentsats av varorna
coupon-kind-fixed = Ett belopp av varorna
coupon-kind-free-delivery = Fri frakt
coupon-value = Värde
coupon-value-hint = För procent t.ex. 10 eller 12,5; för belopp kronor, t.ex. 100 eller 99,50. Tomt för fri frakt.
coupon-value-percent = { $details } % rabatt
coupon-value-fixed = { $details } rabatt
coupon-minimum = Minsta order
coupon-minimum-hint = Varorna som kunden ser dem måste nå detta; tomt för ingen gräns.
coupon-starts = Börjar (valfritt)
coupon-times-hint = Enligt butikens klocka; tomt betyder från nu, eller utan slut.
coupon-max-uses = Användningar totalt (valfritt)
coupon-max-per-customer = Användningar per kund (valfritt)
coupon-stackable = Kan kombineras med automatiska erbjudanden
coupon-always = Alltid
coupon-until = till { $time }
coupon-uses = Använd
coupon-uses-of = { $count } av { $details }
coupon-uses-unlimited = { $count } (ingen gräns)
coupon-used-times = { $count ->
    [one] Använd en gång hittills.
   *[other] Använd { $count } gånger hittills.
}
coupon-state-running = Giltig
coupon-state-scheduled = Inte än
coupon-state-ended = Avslutad
coupon-state-used-up = Slut
coupon-state-off = Avstängd
coupon-form-code = Använd 3–40 bokstäver, siffror, - eller _.
coupon-form-code-taken = En annan rabattkod har den här koden.
coupon-form-kind = Välj vad rabattkoden ger.
coupon-form-percent = Ange en procentsats över 0 och högst 100, t.ex. 10 eller 12,5.
coupon-form-amount = Ange ett belopp i kronor över 0, t.ex. 100 eller 99,50.
coupon-form-minimum = Ange ett belopp i kronor, eller lämna tomt.
coupon-form-time = Ange datum och tid, eller lämna tomt.
coupon-form-ends-before = Slutet måste komma efter starten.
coupon-form-count = Ange ett heltal från 1, eller lämna tomt.

## Personal: produkter
admin-products = Produkter
product-new = Ny produkt
product-edit = Ändra produkt
product-search = Artikelnummer eller namn
product-category = Kategori
product-state = Läge
product-audience = Säljs i
product-none = Inga produkter matchar. Ändra sökningen eller filtren.
product-name = Namn
product-price = Listpris exkl. moms
product-on-hand = I lager
product-updated = Ändrad
product-state-active = Till salu
product-state-archived = Arkiverad
product-audience-both = Båda butikerna
product-audience-b2c = Bara konsumentbutiken
product-audience-b2b = Bara företagsportalen
product-stock-reserved = { $count } ({ $reserved } reserverade)
product-view-in-shop = Visa i butiken
product-archived-note = Visas inte i någon butik.
product-basics = Produkt
product-sku-hint = 2–32 bokstäver, siffror och bindestreck; sparas med versaler.
product-slug = Webbadress
product-slug-hint = Slutet på produktens adress, t.ex. skruvdragare-18v. Lämna tomt för att skapa den från namnet.
product-summary = Kort sammanfattning
product-summary-hint = En eller två meningar för produktkort och sökresultat.
product-description-hint = Tomma rader börjar nya stycken.
product-selling = Försäljning
product-price-hint = I kronor exkl. moms, t.ex. 999,20. Konsumenter ser det med moms; företag ser sina avtalade priser.
product-tax = Momsklass
product-audience-hint = Vilka butiker som visar produkten.
product-min-qty = Minsta antal
product-qty-step = Säljs i steg om
product-max-qty = Högst per order
product-max-qty-hint = Lämna tomt för ingen gräns.
product-low-stock = Lågt lager vid
product-low-stock-hint = Översikten och butiken säger "bara några kvar" vid eller under detta.
product-active = Till salu (visas i butikerna)
product-featured = Utvald på startsidorna
product-details = Detaljer och sökmotorer
product-specs-hint = En per rad som "Namn: värde", t.ex. Vikt: 1,4 kg.
product-seo-title = Sidtitel för sökmotorer
product-seo-title-hint = Högst 70 tecken; lämna tomt för att använda namnet.
product-seo-description = Beskrivning för sökmotorer
product-seo-description-hint = Högst 160 tecken; lämna tomt för att använda sammanfattningen.
product-add-pictures = Lägg till bilder
product-pictures-files = Bildfiler
product-pictures-hint = JPEG, PNG eller WebP, minst 200 × 200 pixlar, högst 15 MB styck, högst { $count } åt gången. De skalas om för mobiler och stora skärmar.
product-picture-alt = Beskrivning av bilden
product-picture-alt-hint = Vad bilden visar, för den som inte kan se den. Lämna tomt för att använda produktens namn.
product-save = Spara produkten
product-pictures = Bilder
product-pictures-none = Inga bilder än. Lägg till dem med formuläret ovan.
product-picture-main = huvudbild
product-picture-save-alt = Spara beskrivningen
product-picture-up = Flytta tidigare
product-picture-down = Flytta senare
product-picture-remove = Ta bort
product-videos = { $count ->
    [one] Produkten har också en video.
   *[other] Produkten har också { $count } videor.
}
product-stock = Lager
product-stock-level = { $count } i lager, { $reserved } reserverade för ordrar.
product-more = Fler åtgärder
product-duplicate = Gör en kopia
product-archive = Arkivera (ta ur försäljning)
product-restore = Sätt till salu igen
product-category-choose = Välj en kategori
product-brand-none = Inget varumärke
product-fix-errors = Rätta fälten som är markerade nedan; inget sparades.
product-prices-shown = Konsumenter betalar { $consumer } inkl. moms; företag utan avtal betalar { $company } exkl. moms.
product-saved = Produkten är sparad; båda butikerna visar ändringen nu.
product-stock-saved = Lagerändringen är sparad i lagerboken.
product-picture-moved = Bilden är flyttad.
product-picture-saved = Bildens beskrivning är sparad.
product-picture-removed = Bilden är borttagen.
product-duplicated = Det här är kopian, arkiverad tills du sätter den till salu. Kontrollera artikelnummer, namn och adress.
product-restored = Produkten är till salu igen.
product-archived = Produkten är arkiverad och visas inte längre i butikerna.
product-too-long = Använd högst { $count } tecken.
product-sku-missing = Ange artikelnumret.
product-sku-bad = Ett artikelnummer har 2 till { $count } bokstäver, siffror och bindestreck, t.ex. DR-2000.
product-name-missing = Ange produktens namn.
product-slug-bad = Använd små bokstäver, siffror och enkla bindestreck, t.ex. skruvdragare-18v.
product-brand-bad = Välj ett varumärke i listan.
product-category-missing = Välj en kategori.
product-tax-missing = Välj en momsklass.
product-price-zero = Priset måste vara mer än 0 kronor.
product-price-high = Priset är högre än butiken tar emot (10 000 000 kronor).
product-price-missing = Ange listpriset i kronor exkl. moms.
product-price-bad = Ange priset i kronor, t.ex. 999 eller 999,20.
product-qty-bad = Ange ett heltal från { $count }.
product-max-below-min = Högsta antalet måste vara minst lika stort som minsta ({ $count }).
product-step-min = Minsta antal måste vara ett helt antal steg om { $count }.
product-audience-bad = Välj var produkten säljs.
product-spec-line = Rad { $count } är inte "Namn: värde".
product-spec-long = Rad { $count } är för lång (namn högst 60, värden högst 200 tecken).
product-specs-many = Använd högst { $count } rader.
product-sku-taken = En annan produkt har det här artikelnumret.
product-slug-taken = En annan produkt har den här webbadressen.
picture-choose-again = Bilder sparas inte när formuläret har fel; välj dem igen.
picture-empty = ”{ $name }” är tom.
picture-too-large = ”{ $name }” är större än { $size } MB.
picture-not-a-picture = ”{ $name }” är inte en JPEG-, PNG- eller WebP-bild.
picture-too-small = ”{ $name }” är för liten: bilder behöver minst { $min } pixlar på varje sida.
picture-too-big = ”{ $name }” är för stor: högst { $max } pixlar på en sida.
picture-too-many = Lägg till högst { $count } bilder åt gången.
picture-unreadable = ”{ $name }” gick inte att läsa; den kan vara skadad. Spara om den och försök igen.
stock-change = Ändring
stock-change-hint = Antal att lägga till (20) eller ta bort (-3).
stock-reason = Orsak
stock-note = Anteckning
stock-note-hint = Följesedel, inventeringslista eller varför; krävs för en rättelse.
stock-save = Spara ändringen
stock-ledger = Senaste lagerändringar
stock-when = När
stock-who = Av
stock-change-zero = Ange en ändring som inte är 0.
stock-change-bad = Ange ett helt antal enheter, t.ex. 20 eller -3.
stock-reason-missing = Välj en orsak.
stock-note-missing = Skriv varför i anteckningen.
stock-change-below-reserved = Det finns { $count } i lager och { $reserved } reserverade för ordrar; högst { $most } kan tas bort.
stock-reason-received = Inleverans
stock-reason-counted = Inventerat
stock-reason-damaged = Skadat eller förlorat
stock-reason-correction = Rättelse
stock-reason-shipped = Skickat
stock-reason-returned = Returnerat
stock-reason-return-rejected = Retur avvisad
stock-reason-exchange-sent = Byte skickat
import-title = Importera produkter
import-intro = Lägg till eller ändra många produkter på en gång från en CSV-fil. Filen kontrolleras först och inget sparas förrän du trycker på Importera. En kolumn som filen saknar behåller varje produkts nuvarande värde, så en fil med bara sku och price ändrar bara priser.
import-columns = Kolumner (första raden namnger dem; bara sku krävs):
import-export-all = Exportera alla produkter som CSV (en utgångspunkt för en fil)
import-export-these = Exportera dessa som CSV
import-file = CSV-fil
import-file-hint = Komma-, semikolon- eller tabbseparerad, UTF-8 eller Excels Windows-kodning, högst { $size } MB. Kategorier och varumärken med namn eller webbadress; priser i kronor exkl. moms; active och featured som ja eller nej.
import-check = Kontrollera filen
import-recent = Senaste importer
import-state = Läge
import-state-checking = Kontrolleras…
import-state-checked = Kontrollerad, klar att importera
import-state-refused = Problem hittade
import-state-running = Importeras…
import-state-done = Importerad
import-state-failed = Avbruten
import-progress = { $count } av { $max } rader
import-check-progress = Se hur det går
import-summary = { $count } nya produkter, { $changed } ändringar och { $unchanged } oförändrade; { $problems } problem.
import-summary-done = { $count } produkter tillagda och { $changed } ändrade, { $unchanged } oförändrade; { $problems } rader hoppades över.
import-ignored = Kolumner som inte används:
import-run = Importera
import-fix-and-retry = Inget sparades. Rätta raderna nedan i din fil och kontrollera den igen.
import-upload-again = Ladda upp filen igen
import-problems = Problem per rad
import-line = Rad
import-column = Kolumn
import-problem = Problem
import-more-problems = { $count ->
    [one] …och ett problem till.
   *[other] …och { $count } problem till.
}
import-choose-file = Välj en CSV-fil.
import-too-large = Filen är större än { $size } MB; dela upp den i mindre filer.
import-empty = Filen har inga produkter.
import-spreadsheet = Det här är en kalkylbok; spara den som CSV och ladda upp den.
import-not-text = Filen är inte text; spara den som CSV och ladda upp den.
import-file-gone = Den uppladdade filen finns inte längre; ladda upp den igen.
import-no-sku = Första raden måste namnge kolumnerna, en av dem sku.
import-repeated = Kolumnen { $name } finns två gånger.
import-too-many-rows = Filen har fler än { $max } rader; dela upp den i mindre filer.
import-broken = Filen kan inte läsas som CSV från rad { $count } (ett citattecken som inte stängs?).
import-formula = Cellen börjar som en kalkylformel; ta bort =, +, - eller @.
import-category-unknown = Ingen kategori har det här namnet eller den här webbadressen.
import-brand-unknown = Inget varumärke har det här namnet eller den här webbadressen.
import-yes-no = Skriv ja eller nej.
import-sku-twice = Det här artikelnumret finns på en tidigare rad också.

## Personal: avtalade priser
admin-prices = Priser
prices-no-list = Ingen prislista
prices-none = Inga priser än.
prices-companies = Företagens prislistor och villkor
preview-heading = Förhandsvisa ett pris
preview-intro = Vad ett företag betalar för en produkt, uträknat av butikens egen prissättning: prislista, avtalspriser, volymsteg och betalningsvillkor, den dag du väljer.
preview-company = Företag
preview-company-choose = Välj ett företag
preview-qty = Antal
preview-day = Den
preview-show = Visa priset
preview-terms-own = Företagets egna villkor
preview-no-terms = inga betalningsvillkor
preview-title = { $company } köper { $qty } × { $sku } { $name } på { $terms }, { $date }
preview-line-total = Radsumma exkl. moms:
preview-company-missing = Välj ett företag.
preview-sku-unknown = Ingen produkt har det här artikelnumret.
price-lists = Prislistor
price-list-name = Namn
price-list-code = Kod
price-list-code-hint = 2–40 små bokstäver, siffror och bindestreck, t.ex. bygg-2027.
price-list-entries = Priser
price-list-companies = Företag
price-list-new = Ny prislista
price-list-create = Lägg till prislistan
price-list-created = Prislistan är tillagd. Lägg till dess priser nedan.
price-list-code-bad = Använd 2–40 små bokstäver, siffror och bindestreck.
price-list-name-bad = Ge listan ett namn på 2–100 tecken.
price-list-code-taken = En annan prislista har den här koden.
price-filter-sku = Artikelnummer börjar med
price-from-qty = Från antal
price-unit = Styckpris exkl. moms
price-unit-hint = I kronor, t.ex. 849,50.
price-window = Gäller
price-actions = Åtgärder
price-add = Lägg till ett pris
price-valid-from = Första dag
price-valid-to = Sista dag
price-window-hint = Lämna första dagen tom för att börja nu och sista dagen tom för inget slut. För att ändra ett pris ett visst datum: ge det nuvarande priset en sista dag och lägg till det nya från dagen efter.
price-note-hint = Visas för köparen i "varför det här priset", t.ex. Ramavtal 2027.
price-window-from = från { $date }
price-window-until = till och med { $date }
price-window-open = tills vidare
price-state-current = Gäller nu
price-state-scheduled = Planerat
price-state-ended = Avslutat
price-sku-bad = Ange ett artikelnummer, t.ex. TO-01000.
price-min-qty-bad = Ange ett heltal från 1.
price-amount-bad = Ange ett pris i kronor över 0, t.ex. 849,50.
price-day-bad = Ange ett datum som ÅÅÅÅ-MM-DD.
price-to-before-from = Sista dagen får inte komma före den första.
price-note-long = Använd högst 200 tecken.
price-overlap = Ett annat pris för den här produkten och det här antalet gäller några av dagarna. Avsluta det först.
price-added = Priset är tillagt; köparna ser det på nästa sida.
price-removed = Priset är borttaget.
company-pricing = Prislista och betalningsvillkor
company-price-list = Prislista
company-payment-terms = Betalningsvillkor
company-pricing-save = Spara
company-pricing-saved = Företagets prislista och villkor är sparade.
contract-prices = Avtalspriser
terms-heading = Betalningsvillkor
terms-intro = Varje villkors justering ändrar företagspriser på det villkoret, i procent: negativ för rabatt (t.ex. -2 för förskottsbetalning), positiv för tillägg.
terms-adjustment = { $name } ({ $count } dagar), justering i %
terms-save = Spara
terms-saved = Betalningsvillkoren är sparade.
terms-adjustment-bad = Ange en procentsats som -2 eller 1,5.
terms-adjustment-range = Håll justeringen mellan -{ $max } och { $max } %.

## Personal: företag
admin-companies = Företag
companies-search = Namn eller organisationsnummer
companies-none = Inga företag matchar.
companies-org-no = Organisationsnummer
companies-vat = Momsregistreringsnummer
companies-since = Kund sedan
companies-credit = Kredit för fakturor
companies-prices-link = Prislista, betalningsvillkor och avtalspriser
companies-details = Uppgifter
companies-industry-hint = Portalens startsida visar innehåll för den här branschen.
companies-size = Storlek
companies-contact-name = Kontaktperson
companies-contact-email = Kontaktens e-post
companies-contact-phone = Kontaktens telefon
companies-credit-hint = I kronor. Ordrar mot faktura får inte ta obetalda fakturor över den.
companies-status-hint = Ett avstängt företags personer kan inte logga in i det eller beställa förrän det är aktivt igen.
companies-application-note = Företagets ansökan är inte godkänd; avgör den på ansökningssidan.
companies-people = Personer
companies-people-none = Ingen än.
companies-invited = inbjuden, har inte loggat in än
companies-role = Roll
companies-order-limit = Gräns per order
companies-monthly-limit = Gräns per månad
companies-member-active = Får agera för företaget
companies-limits-hint = Gränser i kronor exkl. moms; tomt betyder ingen. Ordrar över en gräns väntar på en attestant.
company-credit-limit = Kreditgräns
company-credit-left = { $left } av { $limit } kvar
company-vat-verified = { $number } (verifierat)
company-status-active = Aktivt
company-status-suspended = Avstängt
company-status-pending = Har ansökt
company-status-rejected = Avslaget
company-name-bad = Ange företagets namn (2–120 tecken).
company-size-missing = Välj storlek.
company-contact-long = Använd högst 120 tecken.
company-email-bad = Ange en e-postadress, t.ex. namn@foretag.se.
company-phone-bad = Använd bara siffror, mellanslag, + - och parenteser.
company-credit-bad = Ange ett belopp i kronor från 0, t.ex. 250 000.
company-status-bad = Välj aktivt eller avstängt.
company-saved = Företaget är sparat.
member-saved = Personens roll och gränser är sparade.

## Personal: personalkonton
admin-staff = Personal
staff-people = Personer och roller
staff-you = du
staff-off = avstängd
staff-switch-off = Avstängd (kan inte logga in)
staff-add = Lägg till en medarbetare
staff-add-hint = De får ett e-postmeddelande med en länk för att välja lösenord (gäller 7 dagar).
staff-name-bad = Ange personens namn (2–100 tecken).
staff-role-bad = Välj en roll.
staff-email-taken = Den här adressen har redan ett konto.
staff-not-yourself = Du kan inte ändra din egen roll eller stänga av dig själv; be en annan administratör.
staff-last-administrator = Butiken behöver minst en aktiv administratör; gör någon annan till det först.
staff-invited = Medarbetaren är tillagd och har fått en länk för att välja lösenord.
staff-saved = Medarbetaren är sparad.
mail-staff-invitation-subject = Ditt personalkonto hos Duett
mail-staff-invitation-body =
    Hej { $name },

    Du har ett personalkonto hos Duett som { $role }. Välj ditt lösenord här:

    { $link }

    Länken fungerar en gång och slutar gälla om 7 dagar.

## Admin: categories and brands
admin-categories = Kategorier
admin-brands = Varumärken
category-new = Ny kategori
category-list-hint = Kategorierna visas i den här ordningen i båda butikernas menyer och på startsidorna. En dold kategori försvinner ur menyerna och dess sida; produkterna säljs fortfarande och hittas med sökningen.
category-none = Det finns inga kategorier än.
category-order = Ordning
category-up = Flytta upp
category-down = Flytta ned
category-add-under = Lägg till under
category-shown = Visas i butikerna
category-hidden = Dold
category-view = Öppna i butiken
category-top-level = — Översta nivån —
category-parent = Överordnad kategori
category-parent-hint = Upp till tre nivåer: grupp, kategori, underkategori.
category-industry-hint = Företagsköpare i den här branschen ser kategorin först på sin startsida.
category-slug-hint = Slutet på adressen, t.ex. elverktyg. Lämna tomt för att skapa den från namnet.
category-description-hint = Visas överst på kategorins sida. Vanlig text.
category-shown-hint = När en kategori döljs döljs också dess underkategorier.
category-remove = Ta bort
category-remove-hint = Inget använder den här kategorin, så den kan tas bort.
category-in-use = Den kan inte tas bort medan den används (produkter: { $products }, underkategorier: { $subcategories }, kundvagnsregler: { $rules }). Flytta dem först, eller dölj den i stället.
category-saved = Kategorin är sparad.
category-moved = Ordningen är sparad.
category-deleted = Kategorin är borttagen.
category-name-bad = Ange ett namn på 2 till 80 tecken.
category-slug-bad = Använd små bokstäver, siffror och enkla bindestreck, t.ex. elverktyg.
category-slug-taken = En annan kategori har den här webbadressen.
category-parent-bad = Välj en överordnad kategori i listan.
category-parent-loop = En kategori kan inte ligga under sig själv eller någon av sina underkategorier.
category-too-deep = Det skulle bli fler än tre nivåer. Välj en kategori högre upp.
category-parent-hidden = Den överordnade kategorin är dold. Visa den först, eller spara den här som dold.
category-description-long = Håll beskrivningen under 2 000 tecken.
brand-add = Lägg till ett varumärke
brand-all = Alla varumärken
brand-none = Det finns inga varumärken än.
brand-products = { $count ->
    [one] 1 produkt
   *[other] { $count } produkter
}
brand-name-bad = Ange ett namn på 1 till 60 tecken.
brand-name-taken = Det finns redan ett varumärke med det här namnet.
brand-slug-taken = Ett annat varumärke har den här webbadressen.
brand-saved = Varumärket är sparat.
brand-deleted = Varumärket är borttaget.
brand-in-use = Varumärket kan inte tas bort medan det används (produkter: { $products }, kundvagnsregler: { $rules }).

## Admin: settings
admin-settings = Inställningar
settings-saved = Inställningarna är sparade.
settings-shop = Butiken
settings-shop-name = Butikens namn
settings-shop-name-hint = Visas i varje sidas sidhuvud, titel och sidfot, i båda butikerna och här.
settings-return-days = Returrätt (dagar)
settings-return-days-hint = Dagar efter leverans som en kund kan begära retur. 0 stänger av nya returer.
settings-name-bad = Ge butiken ett namn på 2 till 60 tecken.
settings-return-days-bad = Ange ett helt antal dagar från 0 till 365.
settings-vat = Momssatser
settings-vat-hint = Listpriser sparas exklusive moms. En ny sats ändrar direkt vad konsumenter betalar för alla produkter i den klassen; lagda ordrar behåller sina. Byt också namn på klassen om namnet anger satsen.
settings-vat-name = Namn
settings-vat-rate = Sats (%)
settings-rate-name-bad = Ange ett namn på 2 till 40 tecken.
settings-rate-bad = Ange en sats från 0 till 100 %, t.ex. 25 eller 12,5.
settings-delivery = Leveranssätt
settings-delivery-hint = Priserna är exklusive moms; konsumenter ser dem med moms. Ett avstängt leveranssätt erbjuds inte längre i kassan; ordrar som använt det behåller det.
settings-delivery-name = Namn
settings-delivery-price = Pris exkl. moms (kr)
settings-delivery-free-over = Fritt från (kr)
settings-delivery-free-over-hint = Ordervärde exkl. moms. Tomt: aldrig fritt.
settings-delivery-min-days = Snabbast (dagar)
settings-delivery-max-days = Långsammast (dagar)
settings-delivery-active = Erbjuds i kassan
settings-delivery-add = Lägg till ett leveranssätt
settings-delivery-name-bad = Ange ett namn på 2 till 60 tecken.
settings-delivery-price-bad = Ange ett belopp i kronor från 0 till 1 000 000, t.ex. 149 eller 149,50.
settings-delivery-days-bad = Ange ett helt antal dagar från 0 till 90.
settings-delivery-days-order = Den långsammaste leveransen kan inte vara snabbare än den snabbaste.
settings-delivery-taken = Det finns redan ett leveranssätt med det här namnet.
settings-delivery-last = Det här är det enda leveranssättet som erbjuds; kunderna skulle inte kunna handla. Lägg till eller slå på ett annat först.

## Admin: order notes and print
admin-order-print = Skriv ut
admin-order-print-hint = Eller använd webbläsarens utskriftskommando.
admin-order-back = Tillbaka till ordern
admin-order-picked = Plockad
admin-order-unit-price = Styckpris
admin-order-units = { $count ->
    [one] 1 artikel
   *[other] { $count } artiklar
}
admin-order-refunded = { $amount } av { $total } har betalats tillbaka.
admin-order-notes = Interna anteckningar
admin-order-notes-none = Inga anteckningar än.
admin-order-note = Lägg till en anteckning
admin-order-note-hint = För kollegor som arbetar med ordern; kunden ser den aldrig.
admin-order-note-add = Lägg till anteckning
admin-order-note-added = Anteckningen är tillagd.
admin-order-note-missing = Skriv anteckningen först.
admin-order-note-long = Håll anteckningen under 2 000 tecken.

## Admin: consumers
admin-customers = Konsumenter
customers-search = Namn eller e-post
customers-none = Ingen konsument matchar.
customers-joined = Gick med
customers-spent = Handlat för
customers-last-order = Senaste order
customers-placed = Lagd
customers-unverified = inte bekräftad
customers-state-active = Aktiv
customers-state-off = Avstängd
customers-language = Språk
customers-language-default = Butikens standard
customers-account = Konto
customers-switch-off = Stäng av kontot
customers-switch-off-hint = Ett avstängt konto kan inte logga in, och den som är inloggad med det loggas ut. Ordrar och deras länkar är kvar som de är.
customers-saved = Kontot är sparat.
customers-no-orders = Inga ordrar än.

## Admin: cart rules
admin-cart-rules = Kundvagnsregler
cart-rule-new = Ny kundvagnsregel
cart-rule-list-hint = Kundvagnsregler drar av automatiskt i kundvagnen och i kassan, i båda butikerna, i den här ordningen. En avstängd regel ligger kvar här; ordrar som använt den behåller dess namn.
cart-rule-none = Inga kundvagnsregler matchar.
cart-rule-offer = Erbjudande
cart-rule-covers = Gäller
cart-rule-whole-shop = Hela butiken
cart-rule-any = — Alla —
cart-rule-offer-bxpy = Köp { $buy }, betala för { $pay }
cart-rule-offer-percent = { $rate } % rabatt
cart-rule-kind = Typ
cart-rule-kind-buy-x-pay-y = Köp ett antal, betala för färre
cart-rule-kind-percent-off = En procentsats av
cart-rule-name-hint = Kunderna ser namnet bredvid rabatten, t.ex. "3 för 2 på servis".
cart-rule-buy = Köp
cart-rule-buy-hint = För "köp ett antal, betala för färre".
cart-rule-pay = Betala för
cart-rule-percent = Procent av
cart-rule-percent-hint = För "en procentsats av", t.ex. 10 eller 12,5.
cart-rule-category-hint = En kategori omfattar också dess underkategorier.
cart-rule-saved = Kundvagnsregeln är sparad.
cart-rule-name-bad = Ange ett namn på 2 till 80 tecken.
cart-rule-kind-bad = Välj typ av regel.
cart-rule-buy-bad = Ange ett heltal från 2 till 100.
cart-rule-pay-bad = Ange ett heltal från 1, färre än antalet som köps.
cart-rule-scope-bad = Välj i listan.
admin-orders-from = Lagd från
admin-orders-to = Lagd till och med
admin-orders-day-bad = Ange en dag som 2026-12-01; det här filtret användes inte.
# Content in admin
admin-content = Innehåll
admin-testimonials = Kundomdömen
content-new = Ny artikel
content-new-guide = Ny köpguide
content-new-blog = Nytt blogginlägg
content-new-case-study = Nytt kundcase
content-new-demo = Ny demosida
content-new-block = Nytt riktat block
content-list-hint = Köpguider, produktbloggar, kundcase och demosidor har en egen sida under /content; riktade block visas på företagsstartsidan för den bransch och roll de riktar sig till. Här finns också:
content-search = Sök i rubriker
content-kind = Typ
content-title = Rubrik
content-aimed-at = För
content-product = Produkt
content-open = Öppna
content-open-page = Öppna sidan som läsarna ser
content-none = Inga artiklar matchar.
content-state-draft = Utkast
content-state-scheduled = Schemalagd
content-state-published = Publicerad
content-any = Alla
content-role = Roll
content-role-buyer = Inköpare
content-role-approver = Attestanter
content-role-admin = Företagsadministratörer
content-industry = Bransch
content-industry-hint = Innehåll för en bransch eller roll visas före allmänt innehåll på företagsstartsidan.
content-audience-hint = Demosidor och riktade block är för företag.
content-slug = Adress
content-slug-hint = Delen efter /content/; skapas från rubriken om fältet är tomt. Små bokstäver, siffror och bindestreck.
content-summary = Sammanfattning
content-summary-hint = En eller två meningar för kort, sökmotorer och delade länkar.
content-body = Text (Markdown)
content-body-hint = Tom rad mellan stycken. Rubriker börjar med ##. HTML visas som text.
content-markdown-help = Så formaterar du
content-markdown-type = Skriv
content-markdown-get = För att få
content-markdown-heading = Rubrik
content-markdown-italic = kursiv
content-markdown-bold = fet
content-markdown-item = punkt
content-markdown-list = En punktlista
content-markdown-link = En länk
content-markdown-alt = Vad bilden visar
content-markdown-picture = En bild från den här webbplatsen
content-markdown-table = En tabell
content-product-hint = Artikelnumret för produkten texten handlar om; produktsidan länkar då hit.
content-video = Video
content-video-hint = En WebM- eller MP4-film på den här webbplatsen: välj en uppladdad eller skriv dess adress.
content-captions = Undertexter
content-captions-hint = En WebVTT-fil på den här webbplatsen till videon: välj en uppladdad eller skriv dess adress.
content-position-hint = Lägre nummer visas först.
content-publish-at = Publiceras från
content-publish-at-hint = Butikens tid. Lämna tomt för att publicera när du sparar; en senare tid schemalägger.
content-published = Publicerad (avmarkera för att spara som utkast)
content-preview = Förhandsgranska
content-preview-unsaved = inte sparad
content-remove-title = Ta bort
content-remove-hint = Det går inte att ångra; avmarkera Publicerad för att ta bort den från butikerna i stället.
content-remove = Ta bort
content-kept-by-bookings = { $count ->
    [one] En demobokning hänvisar till sidan, så den finns kvar: avmarkera Publicerad för att ta bort den från butiken.
   *[other] { $count } demobokningar hänvisar till sidan, så den finns kvar: avmarkera Publicerad för att ta bort den från butiken.
}
content-saved = Artikeln är sparad.
content-deleted = Artikeln togs bort.
content-form-kind = Välj en typ i listan.
content-form-title-short = Ange en rubrik på minst 3 tecken.
content-form-title-long = Rubriken får vara högst 200 tecken.
content-form-slug = Använd små bokstäver, siffror och enkla bindestreck, högst 100 tecken.
content-form-slug-taken = En annan sida har den här adressen; välj en annan.
content-form-summary-long = Sammanfattningen får vara högst 400 tecken.
content-form-body-missing = Skriv texten.
content-form-body-long = Texten får vara högst 50 000 tecken.
content-form-audience = Välj vem den är till för.
content-form-audience-business = Demosidor och riktade block är för företag: välj Företag eller Alla.
content-form-industry = Välj en bransch i listan.
content-form-role = Välj en roll i listan.
content-form-product = Ange ett artikelnummer (bokstäver, siffror och bindestreck) eller lämna tomt.
content-form-product-unknown = Ingen produkt har det här artikelnumret.
content-form-site-path = Ange en fil på den här webbplatsen som börjar med / (t.ex. /static/video/demo.webm).
content-form-captions-alone = Undertexter kräver en video.
content-form-position = Ange ett heltal från 0 till 9999.
content-form-publish-at = Ange datum och tid, t.ex. 2026-12-24 08:00.
testimonial-new = Nytt kundomdöme
testimonial-list-hint = Konsumentstartsidan visar de tre första synliga omdömena för konsumenter eller alla.
testimonial-none = Inga kundomdömen matchar.
testimonial-author = Namn
testimonial-role = Vem de är
testimonial-role-hint = T.ex. "Hemmakock, Malmö" eller "Platschef, Nordbygg".
testimonial-quote = Vad de sa
testimonial-quote-hint = 10 till 600 tecken, visas som de skrivits.
testimonial-rating = Betyg
testimonial-no-rating = Inget betyg
testimonial-stars = { $count ->
    [one] 1 stjärna
   *[other] { $count } stjärnor
}
testimonial-audience-hint = Konsumentstartsidan visar omdömen för konsumenter och för alla.
testimonial-active = Visas
testimonial-shown = Visas
testimonial-hidden = Dold
testimonial-saved = Kundomdömet är sparat.
testimonial-deleted = Kundomdömet togs bort.
testimonial-form-author = Ange ett namn på 2 till 80 tecken.
testimonial-form-role = Högst 120 tecken.
testimonial-form-quote-short = Ange citatet, minst 10 tecken.
testimonial-form-quote-long = Citatet får vara högst 600 tecken.
testimonial-form-rating = Välj 1 till 5 stjärnor, eller inget betyg.
product-articles = Läs mer om den
admin-order-refund-title = Betala tillbaka
admin-order-refund-hint = Utan retur: en goodwill-återbetalning, en prismatchning, en sen leverans. Betalt med kort: kortet krediteras; på en obetald faktura: fakturan krediteras. Kunden får ett mejl.
admin-order-refund-give = Betala tillbaka
admin-order-refunded-now = Pengarna betalades tillbaka och kunden fick besked.
mail-order-refunded-subject = Pengar tillbaka för order { $number }
mail-order-refunded-body = Vi har betalat tillbaka { $details } för order { $number }. Det syns på ditt kort eller din faktura inom några dagar. Ordern: { $link }
product-video-hint = En video spelas på produktsidan i båda butikerna. Ladda upp filmen, dess stillbild och undertexter under Filer och välj dem här.
product-video-url = Videofil
product-video-url-hint = En WebM- eller MP4-film på den här webbplatsen: välj en uppladdad eller skriv dess adress.
product-video-poster-label = Stillbild innan den spelas
product-video-poster-hint = Valfritt: en JPEG, PNG eller WebP på den här webbplatsen.
product-video-title-label = Titel för skärmläsare
product-video-title-hint = Tom: produktens namn.
product-video-save = Spara video
product-video-remove = Ta bort video
product-video-saved = Videon är sparad; produktsidan spelar den.
product-video-removed = Videon togs bort.
product-video-missing = Ange videons adress.
product-video-file = Ange en WebM- eller MP4-fil på den här webbplatsen som börjar med /.
product-video-poster = Ange en JPEG, PNG eller WebP på den här webbplatsen som börjar med /, eller lämna tomt.
product-video-captions = Ange en WebVTT-fil (.vtt) på den här webbplatsen som börjar med /, eller lämna tomt.
product-video-title = Titeln får vara högst 200 tecken.
admin-order-approval = Företagets attest
admin-order-approval-asked = Begärd av { $name } { $when } (butikens tid).
admin-order-approval-who = Väntar på någon av företagets attestanter eller administratörer; de beslutar i företagsportalen:
admin-queue-approvals = Företagsordrar som väntar på attest
admin-reviews-search = Produkt, artikelnummer eller recensentens e-post
cart-rule-search = Namn, kategori eller varumärke
testimonial-search = Namn, vem de är eller ord de sa

brand-search = Namn eller adress
brand-none-match = Inga varumärken matchar.
staff-search = Namn eller e-postadress
staff-state = Läge
staff-state-active = Aktiv
staff-state-off = Avstängd
staff-state-invited = Inbjuden, har inte loggat in än
staff-none-match = Ingen matchar.
applications-search = Företag, organisationsnummer, kontakt eller e-post
applications-none-match = Inga väntande ansökningar matchar.

category-picture = Bild
category-picture-file = Ny bild
category-picture-hint = JPEG, PNG eller WebP, minst 200 pixlar åt varje håll. Visas på kategorins ruta på butikens startsida.
category-picture-upload = Ladda upp bild
category-picture-remove = Ta bort bild
category-picture-none = Ingen bild: rutan visar butikens enkla motiv.
category-picture-motif = Butikens motivbild; ladda upp en egen för att ersätta den.
category-picture-saved = Bilden är sparad.
category-picture-removed = Bilden är borttagen.

## Admin: filer för butikens sidor
admin-files = Filer
file-intro = Bilder, filmer och undertexter till artiklar, kampanjer och produktfilmer. Ladda upp en fil här och klistra sedan in dess adress (eller, för en bild i en artikel, dess Markdown) där den används; formulären erbjuder också de senaste filerna att välja bland.
file-upload = Ladda upp fil
file-file = Fil
file-hint = En JPEG-, PNG- eller WebP-bild (högst 15 MB, minst 200 pixlar på varje sida; sparas i butikens storlekar), en WebM- eller MP4-film (högst 300 MB) eller en WebVTT-fil med undertexter (högst 1 MB).
file-title = Titel
file-title-hint = Beskriver filen; bildens alternativtext i artiklar. Tom: filens namn.
file-refused = Filen laddades inte upp: se meddelandet vid fältet.
file-all = Alla filer
file-search = Sök i titlar och adresser
file-kind = Typ
file-kind-picture = Bild
file-kind-video = Film
file-kind-captions = Undertexter
file-none = Inga filer uppladdade än.
file-none-match = Inga filer matchar sökningen.
file-preview = Förhandsvisning
file-size = Storlek
file-uploaded = Uppladdad
file-address = Adress
file-address-hint = Klistra in den i ett fält för film, stillbild, undertexter eller bild.
file-snippet = Markdown för artiklar
file-snippet-hint = Klistra in den i en artikels text för att visa bilden där.
file-about = Om filen
file-open-captions = Öppna undertextfilen
file-uses = Där den används
file-unused = Inget använder filen.
file-delete = Radera fil
file-in-use = Filen används på sidorna nedan; ta bort den därifrån först.
file-in-use-hint = En fil som används kan inte raderas.
file-used-product = Produkt: { $name }
file-used-article = Artikel: { $name }
file-used-promotion = Kampanj: { $name }
file-uploaded-flash = Filen är uppladdad.
file-deleted-flash = Filen är raderad.
file-empty = Välj en fil att ladda upp.
file-too-large = ”{ $name }” är för stor: bilder får vara högst { $picture } MB, filmer högst { $video } MB och undertextfiler högst { $captions } MB.
file-not-accepted = ”{ $name }” är varken en JPEG-, PNG- eller WebP-bild, en WebM- eller MP4-film eller en WebVTT-fil med undertexter.
file-bad-captions = ”{ $name }” är ingen WebVTT-fil: den måste vara UTF-8-text som börjar med WEBVTT och ha minst en replik (en rad med ”-->”).
file-pick = Välj en uppladdad fil eller skriv en adress
file-go-upload = Ladda upp filer
content-uploaded-pictures = Uppladdade bilder
content-uploaded-pictures-hint = De senaste bilderna; kopiera en rad in i texten för att visa bilden där.

## Admin: massåtgärder i listor
bulk-with-ticked = Med de markerade raderna
bulk-tick = Markera
bulk-apply = Gör med markerade
bulk-none-ticked = Inget var markerat: markera först raderna som ska ändras.
products-bulk-archive = Arkivera (ta ur försäljning)
products-bulk-restore = Sälj igen
products-bulk-archived = { $count ->
    [0] Ingen produkt ändrades: de markerade var redan arkiverade.
    [one] En produkt arkiverad.
   *[other] { $count } produkter arkiverade.
}
products-bulk-restored = { $count ->
    [0] Ingen produkt ändrades: de markerade såldes redan.
    [one] En produkt säljs igen.
   *[other] { $count } produkter säljs igen.
}
reviews-bulk-approve = Publicera markerade
reviews-bulk-reject = Avvisa markerade
reviews-bulk-reason-hint = Krävs för att avvisa: varje markerad recensent ser det.
reviews-bulk-approved = { $count ->
    [0] Ingen recension ändrades: de markerade var redan avgjorda.
    [one] En recension publicerad.
   *[other] { $count } recensioner publicerade.
}
reviews-bulk-rejected = { $count ->
    [0] Ingen recension ändrades: de markerade var redan avgjorda.
    [one] En recension avvisad.
   *[other] { $count } recensioner avvisade.
}
bulk-tick-all = Markera alla rader på sidan

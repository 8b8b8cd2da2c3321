# Layout
skip-to-content = Skip to content
nav-home = Home
nav-categories = Categories
nav-construction = Tools & building
nav-quick-order = Quick order
nav-office = Office
nav-hospitality = Kitchen & café
nav-business = For business
nav-help = Help & support
nav-cart = Cart
nav-account = Account
nav-admin = Admin
nav-storefront = View shop
nav-main = Main menu
search-label = Search products
search-placeholder = Search products, SKUs or brands
search-button = Search
sign-in = Sign in
sign-out = Sign out
signed-in-as = Signed in as { $name }
language-label = Language
language-change = Change
footer-service = Customer service
footer-service-text = Live chat and e-mail around the clock (e-mail answered within an hour), phone weekdays 8–18.
footer-help = Help centre
footer-returns = 30-day open purchase
footer-delivery = Delivery in 1–3 working days
footer-secure = Secure payment
footer-accessibility = Accessibility
footer-rights = Duett demo shop. Prices in SEK.
staff-bar = You are viewing the shop as staff.
# Prices and stock
price-incl-vat = incl. VAT
price-list-price = List price
why-title = Why this price?
why-list-price = List price
why-price-list = Your price list ({ $name })
why-contract = Your contract price ({ $note })
why-tier-list = Volume price from { $qty } units (price list)
why-tier-contract = Volume price from { $qty } units (contract)
why-terms = Payment terms: { $name } ({ $adjustment })
why-quoted = Your quoted price (quote { $number })
why-rounding = Rounded to whole öre
why-unused = not used — your price was already lower
why-your-price = Your price per unit, excl. VAT
volume-title = Volume prices
volume-from = From { $qty } units
volume-each = Price per unit, excl. VAT
price-excl-vat = excl. VAT
price-vat-included-line = Price includes { $rate } % VAT ({ $vat }).
price-vat-excluded-line = Price excludes { $rate } % VAT ({ $vat } per unit), added at checkout.
stock-in = In stock
stock-only-left = { $count ->
    [one] Only 1 left
   *[other] Only { $count } left
}
stock-out = Out of stock
delivery-estimate = Delivered in 1–3 working days
delivery-when-back = We will e-mail you when it is back in stock
quantity-rule = Sold in packs: minimum { $min }, in steps of { $step }.
rating-out-of-five = { $count ->
    [one] Rated 1 out of 5
   *[other] Rated { $count } out of 5
}
# Home (B2C)
home-title = Tools, office and kitchen — delivered fast
home-hero-text = One shop for home projects and professional work. Prices include VAT.
home-featured = Featured products
home-newest = New arrivals
home-categories = Shop by category
home-testimonials = What customers say
home-service-title = We are here for you
service-delivery = Fast delivery
service-delivery-text = 1–3 working days, free over 500 kr.
service-returns = Easy returns
service-returns-text = 30-day open purchase on everything.
service-support = 24/7 support
service-support-text = E-mail answered within an hour, day and night.
service-secure = Secure checkout
service-secure-text = Pay by card on a secure payment page; we never see your card number.
carousel-previous = Previous products
carousel-next = Next products
carousel-pause = Pause
carousel-play = Play
carousel-label = { $name }, product carousel
view-product = View { $name }
# Category and product pages
breadcrumb-label = Breadcrumb
category-product-count = { $count ->
    [one] 1 product
   *[other] { $count } products
}
category-subcategories = Subcategories
sort-label = Sort by
sort-apply = Sort
sort-relevance = Relevance
sort-price-asc = Price, low to high
sort-price-desc = Price, high to low
sort-newest = Newest
pagination-label = Pages
pagination-previous = Previous
pagination-next = Next
pagination-page = Page { $count }
category-empty = There are no products here yet.
product-sku = SKU
product-brand = Brand
product-description = Description
product-specs = Specifications
product-video = Product video
product-gallery = Product images
product-image-open = Open full-size image { $count }
product-related = Related products
product-availability = Availability
# B2B home
b2b-greeting = Welcome back, { $name }
b2b-hero-text = Your company prices excl. VAT, quick ordering and invoice on account.
b2b-dashboard = Your company at a glance
b2b-pending-approvals = Orders awaiting approval
b2b-open-quotes = Open quotes
b2b-credit-available = Credit available
b2b-credit-used-of = used { $used } of { $limit }
b2b-credit-of = of { $limit }
b2b-recent-orders = Recent orders
b2b-no-orders = No orders yet — start with the quick order form.
b2b-quick-order = Quick order by SKU
b2b-demos = Product demos
b2b-book-demo = Book a live demo
b2b-carousel = Recommended for your company
b2b-content = Guides and cases for you
b2b-categories = Browse the range
b2b-watch-demo = Watch the demo
b2b-read-more = Read more
b2b-portal = Business portal
content-kind-guide = Buying guide
content-kind-blog = Product blog
content-kind-case-study = Case study
content-kind-demo = Product demo
content-kind-faq = FAQ
content-kind-block = Targeted block
order-status-placed = Placed
order-status-confirmed = Confirmed (invoice)
order-status-paid = Paid
order-status-awaiting-approval = Awaiting approval
order-status-shipped = Shipped
order-status-delivered = Delivered
order-status-cancelled = Cancelled
# Sign-in
login-title = Sign in
login-intro = Sign in to see your orders, saved addresses and, for business accounts, your company prices.
login-email = E-mail
login-password = Password
login-submit = Sign in
login-failed = The e-mail address or password is not correct. Check them and try again.
login-business = Buying for a company? Apply for a business account.
# Admin
admin-title = Dashboard
admin-welcome = Signed in as { $name } ({ $role })
admin-queues = Work queues
admin-queue-orders = Orders to handle
admin-queue-quotes = Quotes to answer
admin-queue-applications = Business applications
admin-queue-reviews = Reviews to moderate
admin-queue-cases = Open support cases
admin-queue-low-stock = Products low on stock
admin-queue-out-of-stock = Products out of stock
admin-queue-products = Active products
admin-nav-label = Admin menu
staff-role-administrator = Administrator
staff-role-catalog-manager = Catalog manager
staff-role-sales-rep = Sales representative
staff-role-support-agent = Support agent
# Errors
error-404-title = Page not found
error-404-text = We could not find that page. It may have moved, or the address may be mistyped.
error-403-title = Not allowed
error-403-text = Your account does not have access to this page.
error-csrf-title = Please reload the form
error-csrf-text = The form had expired or was sent from another site, so nothing was saved. Reload the page and send it again.
error-csrf-action = Reload the form
error-400-title = Something in the request was wrong
error-400-text = We could not understand the request. Go back and check what you entered.
error-500-title = Something went wrong on our side
error-500-text = We have logged the problem. Please try again in a moment.
error-go-home = Go to the home page
error-status = Error { $count }
error-429-title = Too many attempts
error-429-text = To protect your account we have paused sign-in attempts for a moment. Please wait a minute and try again.
company-switch = Switch company
company-choose-title = Choose a company
company-choose-intro = You buy for more than one company. Prices, orders and approvals follow the company you choose; you can switch at any time.
company-current = current
company-role-admin = Company admin
company-role-buyer = Buyer
company-role-approver = Approver
# Registration
register-title = Create an account
register-intro = Save addresses, follow your orders and check out faster.
register-name = Name
register-email = E-mail
register-password = Password
register-password-hint = At least 12 characters. A few unrelated words make a strong password that is easy to remember.
register-submit = Create account
register-link = New here? Create an account
register-have-account = Already have an account? Sign in
register-errors = Please correct the marked fields.
register-name-missing = Enter your name.
register-name-too-long = The name can be at most 100 characters.
register-email-invalid = Enter an e-mail address like name@example.com.
password-too-short = The password needs at least 12 characters.
password-too-long = The password can be at most 128 characters.
password-common = This password is too easy to guess. Try a few unrelated words, such as “lamp river orange bicycle”.
password-contains-email = Do not build the password on your e-mail address.
register-sent-title = Check your inbox
register-sent-text = If the address can be used for a new account, we have sent a link to it. Follow the link within 48 hours to finish creating your account.
register-confirm-failed-title = This link cannot be used
register-confirm-failed-text = The link has expired or has already been used. Sign in to get a new one, or create the account again.
login-unverified = Confirm your e-mail address first. We have sent a new link to { $email }.
mail-verify-subject = Confirm your e-mail address for Duett
mail-verify-body =
    Hi { $name },

    Welcome to Duett! Confirm your e-mail address to finish creating your account:

    { $link }

    The link works once and expires in 48 hours. If you did not create an account, you can ignore this message.
mail-exists-subject = Someone tried to create an account with your address
mail-exists-body =
    Hi,

    Someone — probably you — tried to create a new Duett account with this e-mail address, but it already has one.

    Sign in here: { $link }

    If it was not you, nothing has changed and you can ignore this message.
# Password reset
forgot-link = Forgot your password?
forgot-title = Reset your password
forgot-intro = Enter the e-mail address of your account and we will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent-title = Check your inbox
forgot-sent-text = If there is an account for that address, we have sent a link to it. The link works once and expires in one hour.
reset-title = Choose a new password
reset-password = New password
reset-submit = Save the new password
reset-failed-title = This link cannot be used
reset-failed-text = The link has expired or has already been used. Ask for a new one.
reset-again = Ask for a new link
mail-reset-subject = Reset your Duett password
mail-reset-body =
    Hi { $name },

    Someone asked to reset the password of your Duett account. Choose a new password here:

    { $link }

    The link works once and expires in one hour. If you did not ask for it, ignore this message: your password stays as it is.
admin-outbox = E-mail outbox
admin-outbox-to = Recipient
admin-outbox-empty = No e-mails yet.
admin-audit = Audit log
admin-filter = Filter
admin-when = When
admin-subject = Subject
admin-status = Status
admin-actor = Who
admin-action = Action
# Account
account-title = Your account
account-link = Your account
account-password-title = Change password
account-current-password = Current password
account-current-password-wrong = The current password is not correct.
account-password-submit = Change password
account-password-changed = Your password has been changed.
account-addresses-title = Saved addresses
account-addresses-empty = You have no saved addresses yet.
account-address-add = Add an address
account-address-save = Save address
account-address-delete = Delete
account-address-added = The address has been saved.
account-address-deleted = The address has been deleted.
address-label = Label (optional), e.g. Home
address-name = Name
address-line1 = Street address
address-line2 = Apartment, c/o (optional)
address-postal-code = Postal code
address-city = City
address-country = Country
address-phone = Phone (optional)
address-name-missing = Enter the name of the recipient.
address-street-missing = Enter the street address.
address-postal-invalid = Enter a postal code for the country, e.g. 411 38 in Sweden.
address-city-missing = Enter the city.
address-country-unsupported = We deliver to Sweden, Norway, Denmark, Finland and Germany.
address-too-long = Each line can be at most 100 characters.
country-SE = Sweden
country-NO = Norway
country-DK = Denmark
country-FI = Finland
country-DE = Germany
# Business applications
business-title = Duett for business
business-intro = One account for your whole company: your own prices, fast ordering and invoices on account.
business-benefit-prices = Company prices excl. VAT, with volume breaks and contract prices — and why each price is what it is.
business-benefit-bulk = Quick order by SKU, paste or CSV, requisition lists and one-click reorder.
business-benefit-invoice = Invoice on 30 or 60 days within your credit limit.
business-benefit-approvals = Buyers, approvers and spending limits for your team.
business-benefit-support = Support, live chat and after-sales cases around the clock.
business-apply-title = Apply for a business account
business-company-name = Company name
business-org-no = Organisation number
business-vat-no = VAT number (optional)
business-vat-hint = EU VAT number, e.g. SE556677889901. Needed for invoices without Swedish VAT outside Sweden.
business-industry = Industry
business-choose = Choose…
business-size = Company size
business-contact-name = Your name
business-contact-email = Your work e-mail
business-submit = Send application
business-name-missing = Enter the company's name.
business-industry-missing = Choose the industry.
business-size-missing = Choose the company size.
business-org-known = We already have an application or account for this organisation number. Contact us if you need access.
business-thanks-title = Thank you for applying
business-thanks-text = We will review your application within one working day and e-mail you an invitation to set up your account.
org-no-format = Enter the organisation number as 10 digits, e.g. 556677-8899.
org-no-checksum = That organisation number does not exist: check the digits.
vat-format = That VAT number does not match its country's format: check the digits.
vat-country = Start the VAT number with an EU country code, e.g. SE.
vat-org-mismatch = A Swedish VAT number is SE, the organisation number and 01.
industry-construction = Construction and trades
industry-office = Offices and services
industry-hospitality = Restaurants, cafés and hotels
industry-other = Other
size-micro = 1–9 employees
size-small = 10–49 employees
size-medium = 50–249 employees
size-large = 250 or more employees
mail-application-subject = We have received your business application
mail-application-body =
    Hi { $name },

    Thank you for applying for a Duett business account for { $company }. We review every application within one working day and will e-mail you an invitation to set up your account.
admin-applications = Business applications
admin-applications-empty = No applications are waiting.
admin-vat = VAT number
admin-vat-format-checked = format and checksum checked
admin-contact = Contact
admin-received = Received
admin-approve = Approve
admin-reject = Reject
admin-reject-reason = Reason for rejecting (sent to the applicant)
admin-application-approved = The company is active and its contact has been invited.
admin-application-rejected = The application has been rejected and the applicant told why.
admin-application-reason-missing = Write a reason before rejecting an application.
admin-application-address-taken = Not approved: the contact's e-mail belongs to a consumer or staff account. Ask the applicant for a work address.
mail-invitation-subject = Your business account for { $company } is ready
mail-invitation-body =
    Hi { $name },

    { $company } now has a Duett business account, and you are its company admin. Choose your password here:

    { $link }

    The link works once and expires in 7 days.
mail-rejected-subject = About your business application
mail-rejected-body =
    Hi { $name },

    Thank you for applying for a Duett business account for { $company }. We could not approve the application:

    { $reason }

    Reply to this e-mail if you have questions — you are welcome to apply again.
invitation-title = Set up your business account
invitation-intro = Choose the name and password you will sign in with.
invitation-submit = Save and sign in
invitation-failed-title = This invitation cannot be used
invitation-failed-text = The invitation has expired or has already been used. Ask your company admin or our support for a new one.
# Company users
users-title = People in your company
users-link = People
users-role = Role
users-order-limit = Limit per order (kr, excl. VAT)
users-monthly-limit = Limit per month (kr, excl. VAT)
users-limit-hint = Leave a limit empty for no limit. Orders above a buyer's limit go to an approver.
users-actions = Access
users-save = Save
users-invited-badge = invited
users-inactive = deactivated
users-deactivate = Deactivate
users-reactivate = Reactivate
users-invite-title = Invite a colleague
users-invite-submit = Send invitation
users-invited = The invitation has been sent.
users-updated = The change has been saved.
users-not-yourself = You cannot change your own role or access; ask another company admin.
users-role-missing = Choose a role.
users-already-member = That person is already in your company.
users-address-taken = That e-mail belongs to a private or staff account; use a work address.
amount-invalid = Enter an amount in kronor, e.g. 25 000.
amount-too-large = That amount is too large.
register-confirm-title = Confirm your e-mail address
register-confirm-text = One step left: confirm the address to activate your account. You will be signed in straight away.
register-confirm-submit = Confirm and sign in
login-disabled = This account has been closed. If you think this is a mistake, contact our customer service.
login-no-company = Your access to your company's account is turned off. Ask your company's administrator to turn it back on, or contact our customer service.
account-email-title = E-mail address
account-email-current = You sign in with { $email }.
account-email-new = New e-mail address
account-email-password = Current password
account-email-submit = Send confirmation link
account-email-same = This is already your e-mail address.
account-email-sent = We sent a confirmation link to your new address. Your sign-in address changes when you follow it (within 24 hours).
email-confirm-title = Confirm your new e-mail address
email-confirm-text = From now on you will sign in with { $email }. Other devices where you are signed in will be signed out.
email-confirm-submit = Change my e-mail address
email-confirm-failed-title = This link cannot be used
email-confirm-failed-text = The link has expired or has already been used. Ask for a new one on your account page.
email-change-taken = Another account uses this address now, so your address was not changed.
email-changed-title = E-mail address changed
email-changed = Your e-mail address has been changed. Sign in with the new address from now on.
mail-email-change-subject = Confirm your new e-mail address
mail-email-change-body =
    Hi { $name },

    To sign in to Duett with this address from now on, confirm it here:

    { $link }

    The link works once and expires in 24 hours. If you did not ask for this, ignore this message: nothing changes.
mail-email-changing-subject = Your e-mail address is about to change
mail-email-changing-body =
    Hi { $name },

    Someone signed in to your Duett account asked to change its e-mail address to { $email }. Nothing changes until the link we sent to that address is followed.

    If this was not you, change your password now:

    { $link }
admin-outbox-status-queued = Queued
admin-outbox-status-sent = Sent
admin-outbox-status-failed = Failed
admin-outbox-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
facets-title = Filter
facets-apply = Show results
facets-active = Chosen filters
facets-remove = remove filter
facets-clear = Clear all filters
facet-category = Category
facet-brand = Brand
facet-price = Price
facet-price-min = From
facet-price-max = To
facet-price-invalid = Enter prices as amounts in kronor, like 499 or 1 299,50.
facet-availability = Availability
facet-in-stock = In stock
facet-rating = Customer rating
facet-all = All
facet-rating-at-least = { $count ->
    [one] 1 star or more
   *[other] { $count } stars or more
}
sort-rating = Best rated
listing-empty = No products match these filters. Remove a filter to see more.
search-title = Search
search-submit = Search
search-results-for = Results for “{ $query }”
search-result-count = { $count ->
    [one] 1 product found
   *[other] { $count } products found
}
search-blank = Type a product name, SKU, brand or what you need it for.
search-capped = Showing the best of the first matches: there are more. Add a word or a filter to narrow the search.
search-none = Nothing matches “{ $query }”.
search-tip-spelling = Check the spelling, or try a similar word.
search-tip-fewer = Use fewer or more general words.
search-tip-sku = Searching for a SKU? Type it as it is printed, e.g. OF-01005.
search-browse = Browse the categories instead
review-count = { $count ->
    [one] 1 review
   *[other] { $count } reviews
}
rating-average = Average rating
reviews-title = Customer reviews
reviews-none = No reviews yet. Be the first to share what you think.
review-write = Write a review
review-rating = Your rating
review-title-label = Title (optional)
review-body-label = Your review
review-body-hint = Plain text, 10 to 4,000 characters. Reviews are checked before they are shown.
review-submit = Send review
review-sign-in = Sign in to write a review
review-sort-label = Sort reviews
review-sort-newest = Newest
review-sort-helpful = Most helpful
review-verified = Verified buyer
review-helpful = Helpful?
review-you-voted = you found this helpful
review-helpful-count = { $count ->
    [0] No one has found this helpful yet
    [one] 1 person found this helpful
   *[other] { $count } people found this helpful
}
review-status-pending = Thank you! Your review is waiting for moderation. You can still change it.
review-status-approved = Your review is published. If you change it, it is checked again.
review-status-rejected = Your review was not published: { $reason } You can change it and send it again.
review-thanks = Thank you! Your review will show once it has been checked.
review-vote-thanks = Thank you for your vote.
review-vote-already = You have already voted for this review.
review-vote-own = You cannot vote for your own review.
review-rating-missing = Choose from 1 to 5 stars.
review-title-too-long = Keep the title to 100 characters or fewer.
review-body-too-short = Write at least 10 characters.
review-body-too-long = Keep the review to 4,000 characters or fewer.
review-markup = Write plain text; HTML tags are not allowed.
admin-reviews = Reviews to moderate
admin-reviews-empty = No reviews are waiting.
admin-review-reason = Reason (the reviewer sees it)
admin-review-approved = The review is published.
admin-review-rejected = The review was rejected; the reviewer sees the reason on the product page.
admin-review-reason-missing = Write a reason before rejecting a review.
admin-review-gone = That review is no longer waiting (someone else decided, or it was changed).
notify-label = E-mail me when it is back in stock
notify-submit = Notify me
notify-thanks = Thank you. We will e-mail you as soon as it is back in stock.
lightbox-close = Close the picture
review-pages-label = Pages of reviews

## Cart
cart-link = Cart
cart-link-label = { $count ->
    [0] Cart, empty
    [one] Cart, 1 item
   *[other] Cart, { $count } items
}
cart-title = Your cart
cart-empty = Your cart is empty.
cart-empty-browse = Find something in the shop
cart-product = Product
cart-unit-price = Price
cart-quantity = Quantity
cart-line-total = Total
cart-update = Update
cart-remove = Remove
cart-save = Save for later
cart-restore = Move to cart
cart-saved-title = Saved for later
cart-summary = Order summary
cart-items = { $count ->
    [one] 1 item
   *[other] { $count } items
}
cart-subtotal = Subtotal
cart-subtotal-excl = Subtotal excl. VAT
cart-vat-included = of which VAT { $rate } %
cart-vat = VAT { $rate } %
cart-total = Total
cart-total-incl = Total incl. VAT
cart-delivery-note = Delivery is chosen and priced at checkout.
cart-added = Added to your cart.
cart-updated = Your cart was updated.
cart-removed = Removed from your cart.
cart-saved = Saved for later.
cart-restored = Moved back to your cart.
cart-add = Add to cart
cart-buy-now = Buy now
cart-price-changed = The price of { $name } changed from { $old } to { $new }.
cart-stock-reduced = Only { $available } of { $name } are left; the quantity is now { $available }.
cart-out-of-stock = { $name } is out of stock. Remove it or save it for later.
cart-unavailable = A product in your cart is no longer sold.
cart-unavailable-line = No longer sold
cart-not-sold = This product is not sold here.
cart-only-left = Only { $available } left (you have { $in_cart } in your cart).
cart-sold-out = Out of stock.
cart-line-gone = That line is no longer in your cart.
quantity-missing = Enter a quantity.
quantity-not-a-number = Enter the quantity as a number, e.g. 2.
quantity-not-whole = Enter a whole number, e.g. 2.
quantity-too-small = The smallest quantity is { $min }.
quantity-too-large = The largest quantity is { $max }.
quantity-not-in-steps = This product is sold in steps of { $step }.

## Checkout
checkout-title = Checkout
checkout-contact = Contact
checkout-email = E-mail for the order confirmation
checkout-guest-note = No account needed. Have one?
checkout-address = Delivery address
checkout-delivery = Delivery
checkout-delivery-days = { $min ->
    [1] { $max ->
        [1] next working day
       *[other] { $min }–{ $max } working days
    }
   *[other] { $min }–{ $max } working days
}
checkout-delivery-free = Free
checkout-update = Update the summary
checkout-payment = Payment
checkout-card = Card
checkout-card-note = You pay on the card provider's page; we never see your card number.
checkout-vat-included = of which VAT
checkout-vat = VAT
checkout-pay = Continue to payment
checkout-back-to-cart = Back to the cart
checkout-fix-errors = Please check the marked fields.
checkout-out-of-stock = Only { $available } of { $name } are left now. Change the quantity in your cart and try again.
checkout-total-changed = The total changed since you opened the page (a price or the delivery cost). Check the summary and continue again.
checkout-delivery-unavailable = That delivery method is no longer offered. Choose another.
checkout-declined = The payment was not completed and nothing was charged. Try again or use another card.
pay-test-provider = Duett test payments
pay-test-title = Pay by card
pay-test-note = This is a test payment page: no real card is charged.
pay-test-amount = Amount
pay-test-card = Card number
pay-test-cards = Test cards: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined.
pay-test-pay = Pay
pay-test-cancel = Cancel and go back
pay-test-unknown-card = That is not a test card. Use 4242 4242 4242 4242 (approved) or 4000 0000 0000 0002 (declined).
order-title = Your order
order-thanks = Thank you for your order
order-number = Order number
order-lines = What you ordered
order-timeline = Status
order-delivery-address = Delivery address
order-confirmation-sent = A confirmation has been sent to
order-offer-account = Create an account to follow your orders and check out faster next time.
order-create-account = Create an account
order-status-awaiting-payment = Awaiting payment
order-status-packed = Packed
mail-order-subject = Your order { $number }
mail-order-body = Thank you for your order { $number }.

    Follow it here (the link works without signing in; keep it to yourself):
    { $link }
cart-checkout = Go to checkout
orders-title = Your orders
orders-none = You have not ordered anything yet.
orders-placed = Placed
orders-link = Orders
checkout-coupon = Coupon
checkout-coupon-label = Coupon code (optional)
checkout-coupon-apply = Apply
checkout-discount = Discount ({ $code })
checkout-coupon-set-aside = The offers in your cart save you more than { $code }, which cannot be combined with them, so the offers are applied and the code is kept for another time.
checkout-rules-set-aside = { $code } saves you more than the offers in your cart and cannot be combined with them, so the code is applied instead of the offers.
order-discounts = Discounts
order-discounts-with = Discounts (incl. code { $code })
coupon-unknown = We do not know that code. Check the spelling.
coupon-not-yet = That code is not valid yet.
coupon-expired = That code has expired.
coupon-used-up = That code has been used up.
coupon-already-used = You have already used that code.
coupon-below-minimum = That code needs goods for at least { $min }.
order-cancel = Cancel the order
order-cancel-note = Not packed yet: you can still cancel, and the payment is refunded in full.
order-cancelled = The order is cancelled and the payment refunded.
order-cancel-too-late = The order can no longer be cancelled here: it is already being packed or on its way. Contact customer service.
mail-back-subject = { $name } is back in stock
mail-back-body = Good news: { $name } can be ordered again.

    { $link }

    You asked us to tell you once. We will not e-mail you about it again.
checkout-saved-address = Deliver to a saved address
checkout-saved-address-use = Use this address

## Returns and exchanges
return-title = Return or exchange
return-slip-title = Return
return-window-until = You can send items back until { $date }.
return-window-on-its-way = Your parcel is on its way; you can already ask for a return.
return-window-not-shipped = Nothing can be returned before the order has shipped. A paid order that is not packed yet can be cancelled instead.
return-window-closed = The return window closed on { $date }. Contact our support if something is wrong with your order.
return-kind = Return or exchange
return-kind-return = Return for a refund
return-kind-exchange = Exchange for another variant
return-kind-hint = An exchange swaps to a variant that costs the same or less; any difference is refunded.
return-reason = Reason
return-choose-reason = Choose a reason
return-reason-changed-mind = I changed my mind
return-reason-wrong-size = Wrong size or fit
return-reason-damaged = Arrived damaged or faulty
return-reason-not-as-described = Not as described
return-reason-wrong-item = I received the wrong item
return-reason-other = Something else
return-comment = Anything we should know? (optional)
return-what = What are you sending back?
return-what-hint = Enter how many of each item you send back; leave the others empty.
return-ordered = Ordered
return-quantity = Send back
return-up-to = Up to { $left }
return-all-sent = Already sent back
return-exchange-for = Exchange for
return-no-variants = No other variant in stock
return-choose-variant = Choose a variant
return-send = Send the request
return-back-to-order = Back to the order
return-error-kind = Choose whether you want a refund or an exchange.
return-error-reason = Choose a reason for the return.
return-error-comment = Keep the comment under 1,000 characters.
return-error-window = This order can no longer be returned.
return-error-nothing = Enter a quantity for at least one item.
return-error-quantity = Enter a whole number from 0 to { $left }.
return-error-variant = Choose a variant in stock that costs the same or less to exchange to.
return-error-lines = Please check the marked items.
return-status = Status
return-status-requested = Requested — waiting for your parcel
return-status-received = Received — being checked
return-status-refunded = Refunded
return-status-exchanged = Exchanged — the replacement is on its way
return-status-rejected = Not accepted
return-status-cancelled = Withdrawn
return-slip-instructions = Print this slip, put it in the parcel with the items and send it to the address below. No printer? Write the return number on the parcel.
return-print = Print the slip
return-number = Return number
return-requested-on = Requested on
return-refund = Refund
return-send-to = Send the parcel to
return-from = From
return-note-from-us = Note from us
return-withdraw = Withdraw the return request
return-cancelled = Your return request was withdrawn.
return-cancel-too-late = The return is already being handled and can no longer be withdrawn.
order-return-link = Return or exchange items
order-returns = Returns
order-tracking = Tracking number { $tracking }
order-status-return-requested = Return requested
order-status-refunded = Refunded
order-status-exchanged = Exchange sent
mail-return-subject = Your return { $number }
mail-return-body = We have your return request { $number }. Print the return slip and put it in the parcel: { $link }

## Admin: orders and returns
admin-orders = Orders
admin-returns = Returns
admin-all = All
admin-segment = Segment
admin-segment-b2c = Consumer
admin-segment-b2b = Business
admin-customer = Customer
admin-orders-search = Order number or e-mail
admin-orders-empty = No orders match.
admin-returns-empty = No returns here.
admin-order-next = Next step
admin-order-tracking = Tracking number
admin-order-step-pack = Mark as packed
admin-order-step-ship = Mark as shipped
admin-order-step-deliver = Mark as delivered
admin-order-step-cancel = Cancel the order
admin-order-step-unknown = That is not a step an order can take.
admin-order-step-not-now = The order is no longer in a status that allows this step; the page shows where it stands now.
admin-order-tracking-missing = Enter the carrier's tracking number to ship the order.
admin-order-tracking-invalid = A tracking number has 4–40 letters, digits or dashes.
admin-order-moved = The order was updated.
admin-return-receive = Mark as received (back in stock)
admin-return-refund = Refund
admin-return-exchange = Send the replacements
admin-return-reject = Reject
admin-return-not-now = The return is no longer in a status that allows this; the page shows where it stands now.
admin-return-refund-failed = The payment provider did not accept the refund; nothing was changed. Try again later.
admin-return-note-missing = Write a note to the customer explaining why the return is rejected.
admin-return-out-of-stock = { $name } is no longer in stock; nothing was sent. Refund the return instead or wait for stock.
admin-return-moved = The return was updated.
admin-return-comment = Customer's comment
admin-return-note = Note to the customer
admin-return-note-label = Note to the customer (required to reject)

# Quick order
quick-title = Quick order
quick-lead = Order many products at once by SKU: type them in the grid, paste lines from a spreadsheet or upload a CSV file. Everything is checked first; nothing goes into the cart until you confirm.
quick-grid-title = Type SKUs and quantities
quick-fix-title = Fix these lines and check again
quick-col-sku = SKU
quick-col-where = Where
quick-col-problem = Problem
quick-add-rows = Add 10 rows
quick-check = Check the lines
quick-paste-title = Paste lines
quick-paste-label = Lines to order
quick-paste-hint = One product per line: SKU and quantity separated by a comma, semicolon, tab or space, e.g. "PO-01000, 2". A header line is skipped.
quick-upload-title = Upload a CSV file
quick-file-label = CSV file
quick-file-hint = SKU in the first column, quantity in the second; up to { $max } lines and { $size }. UTF-8 or Excel's CSV.
quick-sample = Download a sample file
quick-upload = Upload and check
quick-report-title = Check result
quick-summary = Lines read: { $read }. Ready to add: { $ready }. Need attention: { $problems }.
quick-problems-title = Lines that need attention
quick-ready-title = Ready to add to the cart
quick-ready-more = …and { $count } more lines, all added when you confirm.
quick-confirm = { $count ->
    [one] Add 1 line to the cart
   *[other] Add { $count } lines to the cart
}
quick-confirm-note = Lines that need attention are not added; fix them below.
quick-start-over = Start over
quick-merged = { $sku } appeared on { $lines }: merged into one line of { $quantity }.
quick-origin-row = row { $number }
quick-origin-line = line { $number }
quick-origin-kept = checked earlier
quick-problem-missing-sku = The SKU is missing.
quick-problem-formula = This cell looks like a spreadsheet formula and was not read. Type the SKU and quantity as plain text.
quick-problem-unknown = No product with this SKU is sold to your company.
quick-problem-short = Only { $available } in stock.
quick-windows-1252 = The file was not UTF-8, so it was read as Windows-1252 (Excel's Western European CSV). Check that names with å, ä and ö look right.
quick-file-empty = The file has no lines to order.
quick-file-missing = Choose a CSV file to upload.
quick-file-too-large = The file is larger than 2 MB. Split it into smaller files.
quick-file-too-many = The file has { $count } lines; at most { $max } can be checked at once. Split it into smaller files.
quick-file-spreadsheet = This is an Excel or OpenDocument workbook. Save it as CSV (comma or semicolon separated) and upload that.
quick-file-binary = This file is not text. Upload a CSV file saved from a spreadsheet or a text editor.
quick-nothing = Type at least one SKU and quantity, paste lines or upload a file.
quick-added = The lines were added to your cart.
list-and = and

# Company checkout
checkout-order-details = Order details
checkout-po-number = Your purchase order number (optional)
checkout-po-invalid = Use at most { $max } characters for the purchase order number.
checkout-requested-delivery = Requested delivery date (optional)
checkout-requested-delivery-hint = We deliver as soon as we can unless you choose a later date.
checkout-date-invalid = Enter the date as year-month-day, e.g. 2026-12-15.
checkout-date-too-early = Choose a date after today.
checkout-date-too-late = Choose a date within a year.
checkout-note = Comment for us (optional)
checkout-note-too-long = Keep the comment to { $max } characters.
checkout-invoice-credit = credit available { $available } of { $limit }
checkout-terms-discount = { $adjustment } % off for prepayment
checkout-terms-surcharge = prices { $adjustment } % higher on these terms
checkout-credit-exceeded = This order is more than your company's available credit ({ $available }). Pay by card, or ask your company admin about the credit limit.
checkout-invoice-unavailable = Your company does not buy on invoice. Pay by card.
checkout-place-order = Place order
checkout-vat-reverse = VAT 0 % (reverse charge)
checkout-reverse-charge-note = Reverse charge: VAT is accounted for by the buyer (Article 196, Council Directive 2006/112/EC).

# Approvals
approvals-title = Approvals
approvals-lead-approver = Orders placed over a buyer's spending limit wait here for you or another approver. Nobody approves their own order.
approvals-lead-buyer = Your orders that are over your spending limit wait here for your company's approvers.
approvals-pending = Waiting for a decision
approvals-none = Nothing is waiting.
approvals-requester = Ordered by
approvals-placed = Placed
approvals-amount = Amount excl. VAT
approvals-po = Purchase order
approvals-comment = Comment
approvals-approve = Approve
approvals-reject = Reject
approvals-own = You placed this order; another approver decides.
approvals-decided = Decided lately
approvals-decision = Decision
approval-status-pending = Waiting
approval-status-approved = Approved
approval-status-rejected = Rejected
approval-payment-invoice = Invoice
approval-payment-card = Card
approval-reason-order = Over the buyer's limit of { $limit } per order.
approval-reason-monthly = This month's orders would come to { $amount }, over the buyer's monthly limit of { $limit }.
approval-note-pending = Waiting for your company's approval. { $reason }
approval-note-approved = Approved by your company. { $comment }
approval-note-rejected = Rejected by your company: { $comment }
approval-reject-needs-comment = Say why the order is rejected; the buyer reads it.
approval-comment-too-long = Keep the comment to { $max } characters.
approval-own-order = You placed this order, so another approver must decide.
approval-already-decided = Someone has already decided this order.
approval-credit = Approving would take your company over its credit limit ({ $available } available). Reject it, or ask us to raise the limit.
approval-approved = The order is approved and the buyer has been told.
approval-rejected = The order is rejected and the buyer has been told.
order-status-awaiting-approval-note = Waiting for approval
order-status-rejected = Rejected
order-status-approved = Approved
order-pay-now = Pay now
checkout-needs-approval = This order needs your company's approval before it is processed. { $reason }
checkout-sent-for-approval = The order is waiting for your company's approval.
mail-approval-subject = Order { $number } waits for your approval
mail-approval-body = { $name } placed order { $number } ({ $amount } excl. VAT), which needs approval. Approve or reject it here: { $link }
mail-approval-approved-subject = Order { $number } is approved
mail-approval-approved-body = Your order { $number } was approved. { $comment } See it here: { $link }
mail-approval-rejected-subject = Order { $number } was rejected
mail-approval-rejected-body = Your order { $number } was rejected: { $comment } See it here: { $link }
nav-approvals = Approvals

# Reorder
order-again = Order again
order-again-hint = The lines you choose are checked at today's prices and stock; you confirm before they go into the cart.
order-again-button = Check and order again
quick-reorder-none = Choose at least one line to order again.
b2b-reorder = Order again

# Requisition lists
lists-title = Requisition lists
lists-lead = Keep the products you order again and again. Shared lists are seen and ordered by everyone in your company; the owner and company admins change them.
lists-none = No lists yet.
lists-name = Name
lists-owner = Owner
lists-lines = Lines
lists-updated = Changed
lists-you = You
lists-shared-badge = Shared
lists-create = New list
lists-shared = Share with my company
lists-create-button = Create the list
lists-name-missing = Give the list a name.
lists-name-too-long = Use at most { $max } characters for the name.
lists-line-count = { $count ->
    [one] 1 line
   *[other] { $count } lines
}
lists-back = All lists
lists-shared-by = Shared list
lists-private = Private list
lists-empty = The list is empty. Add products by SKU below or from a product page.
lists-choose = Order
lists-order = Check the chosen lines and order
lists-order-note = Today's prices and stock are checked first; you confirm before they go into the cart.
lists-add = Add a product
lists-add-button = Add to the list
lists-settings = Name and sharing
lists-save = Save
lists-delete = Delete the list
lists-saved = The list is saved.
lists-deleted = The list is deleted.
lists-added = Added to the list.
lists-choose-lines = Choose at least one line to order.
lists-add-from-product = Add to a list
lists-which = List
nav-lists = Lists

# Company invoices
invoices-title = Invoices and balance
invoices-balance = Open balance
invoices-overdue-total = Overdue
invoices-open = Open invoices
invoices-none-open = No open invoices.
invoices-settled = Paid and cancelled
invoices-number = Invoice
invoices-issued = Issued
invoices-due = Due
invoices-amount = Amount incl. VAT
invoices-state = State
invoice-open = Open
invoice-overdue = Overdue
invoice-paid = Paid
invoice-cancelled = Cancelled
nav-invoices = Invoices

# Exports
export-csv = Download as CSV
orders-company-wide = Every order of your company, whoever placed it.
# Quotes (RFQ)
nav-quotes = Quotes
cart-request-quote = Request a quote
quotes-title = Quotes
quotes-lead = Ask for prices on larger or special orders. A sales representative answers with prices valid until a date; accept the offer to order at those prices, or reply with a counter-offer.
quotes-request = Request a quote for your cart
quotes-request-empty = Put the products in your cart first, then request a quote for them.
quotes-open = Open quotes
quotes-closed = Earlier quotes
quotes-none = No open quotes.
quote-number = Quote
quote-status = Status
quote-created = Requested
quote-total = Total excl. VAT
quote-valid-until = Valid until
quote-status-requested = Requested — waiting for our offer
quote-status-answered = Offer received
quote-status-negotiating = Counter-offer sent — waiting for our answer
quote-status-accepted = Accepted — ready to order
quote-status-ordered = Ordered
quote-status-declined = Declined
quote-status-withdrawn = Withdrawn
quote-status-expired = Offer expired
quote-new-title = Request a quote
quote-new-lead = The lines in your cart, with the price you pay today. Change the quantities if you like, add the unit price you are aiming for, and tell us what you need. The lines move from your cart to the quote.
quote-new-hint = Quantity 0 leaves a line out. Target prices are per unit, excl. VAT, and optional.
quote-lines = Quote lines
quote-your-price = Your price today
quote-target = Your target price
quote-offered = Offered unit price
quote-message = Message
quote-send = Send the request
quote-fix-errors = Please check the fields marked below.
quote-no-lines = Keep at least one line in the quote.
quote-too-many-lines = A quote holds at most { $max } lines.
quote-cart-empty = Your cart is empty: add products first, then request a quote.
quote-requested = Your quote request was sent. We answer within one working day.
quote-price-missing = Enter a unit price.
quote-price-invalid = Enter the price as an amount, e.g. 850 or 1 249,50.
quote-price-zero = The price must be more than zero.
quote-message-too-long = The message is too long (at most 2,000 characters).
quote-message-missing = Write a message.
quote-valid-missing = Enter the date the offer is valid until.
quote-valid-invalid = Enter the date as YYYY-MM-DD.
quote-valid-past = The date has passed: choose today or later.
quote-valid-too-far = An offer can be valid for at most 90 days.
quote-problem-not-yours = That is for the other side of the quote to do.
quote-problem-not-now = The quote has moved on since you opened it: look at its status and thread below.
quote-problem-expired = The offer has expired. Reply with a counter-offer or a message to ask for a new one.
quote-price-note = Offered prices are per unit, excl. VAT, and apply to the quantities above whatever your payment terms. VAT is added at checkout.
quote-accept = Accept and order
quote-checkout = Continue to checkout
quote-withdraw = Withdraw the quote
quote-counter-title = Reply or counter-offer
quote-counter-hint = Change quantities or target prices and send them as a counter-offer, or just send a message.
quote-counter = Send counter-offer
quote-message-title = Write to us
quote-message-send = Send message
quote-thread = Conversation
quote-from-shop = { $name } (Duett)
quote-entry-request = Quote requested
quote-entry-offer = Offer
quote-entry-counter = Counter-offer
quote-entry-accepted = Offer accepted
quote-entry-ordered = Ordered
quote-entry-declined = Declined
quote-entry-withdrawn = Withdrawn
quote-entry-message = Message
quote-done-counter = Your counter-offer was sent.
quote-done-message = Your message was sent.
quote-done-withdrawn = The quote was withdrawn.
checkout-quote = Quote
checkout-quote-note = Quote { $number } at the prices offered, valid until { $until }. Coupons and offers do not apply to quoted prices.
checkout-quote-closed = This quote can no longer be ordered: it is not accepted any more or its offer has expired.
checkout-back-to-quote = Back to the quote
admin-quotes = Quotes
admin-quotes-search = Quote number or company
admin-quotes-empty = No quotes match.
admin-company = Company
admin-quote-company-price = Their price today
admin-quote-price-note = Their price today is what the company pays for that quantity through its price list, contract and payment terms. Offered prices are final unit prices excl. VAT.
admin-quote-offer = Send offer
admin-quote-decline = Decline
admin-quote-done-offer = The offer was sent to the buyer.
admin-quote-done-declined = The quote was declined.
admin-quote-done-message = The message was sent.
mail-quote-requested-subject = Quote request { $number }
mail-quote-requested-body = A company asks for a quote ({ $number }). Answer it here: { $link }
mail-quote-countered-subject = Counter-offer on quote { $number }
mail-quote-countered-body = The buyer replied to quote { $number } with a counter-offer: { $link }
mail-quote-withdrawn-subject = Quote { $number } withdrawn
mail-quote-withdrawn-body = The buyer withdrew quote { $number }: { $link }
mail-quote-message-subject = New message on quote { $number }
mail-quote-message-body = There is a new message on quote { $number }: { $link }
mail-quote-answered-subject = Your offer for quote { $number }
mail-quote-answered-body = We have answered your quote request { $number } with prices. Read the offer, accept it or reply here: { $link }
mail-quote-declined-subject = Quote { $number } declined
mail-quote-declined-body = We are sorry: we cannot offer prices for quote { $number }. Read why here: { $link }
acting-banner = { $name }, you are acting for { $buyer } at { $company }: what you do here is done in their name and recorded.
acting-region = Acting for a buyer
acting-stop = Stop acting
admin-act-for = Act for a buyer
admin-act-for-lead = Sign in to the portal as a company's buyer to build a cart, ask for a quote or place an order for them. A banner shows on every page; their password, e-mail, approvals and company settings stay out of reach, and every change is in the audit log.
admin-act-for-search = Name, e-mail or company
admin-act-for-empty = Nobody matches.
admin-act-for-button = Act for { $name }
admin-act-for-role = Role in the company
admin-quote-target = Their target price
invoice-credited = { $amount } credited for returns
admin-return-credited = credited to invoice { $number }

## Changing a company order before it is packed
order-change-link = Change order
order-change-hint = Quantities, purchase order number, delivery date or comment, until it is packed.
order-change-title = Change order { $number }
order-change-back = Back to the order
order-change-lead = Change quantities (0 takes a line out) or the order details, review the new total, then save. Changed lines are priced at today's prices on the order's payment terms. An approved order that is changed goes back to your company's approvers.
order-change-ordered = Ordered
order-change-new-quantity = New quantity
order-change-quantity-hint = To add other products, place a new order.
order-change-review = Review change
order-change-review-title = The order after the change
order-change-unit = Price per unit excl. VAT
order-change-line-net = Line excl. VAT
order-change-was = The order was { $amount } incl. VAT.
order-change-save = Save change
order-change-to-approval = Saving sends the order to your company's approvers: { $reason }
order-change-released = With this change the order is within the buyer's limits: it no longer waits for approval.
order-change-no-approval = No approval is needed for this change.
order-change-fix-errors = Check the marked fields.
order-change-nothing = Nothing was changed.
order-change-all-removed = At least one line must stay. To drop everything, cancel the order instead.
order-change-not-sold = { $name } is no longer sold: set it to 0 to take it out.
order-change-quantity-rule = { $name }: this quantity cannot be ordered.
order-change-out-of-stock = Only { $available } of { $name } can be ordered now.
order-change-stock = Only { $available } can be ordered now.
order-change-delivery = The order's delivery method is no longer offered. Contact customer service.
order-change-total-changed = The prices have changed since you reviewed. Check the new total and save again.
order-change-quantity-invalid = Enter a whole number (0 takes the line out).
order-change-quantity-large = Enter at most 100000.
order-change-too-late = This order can no longer be changed: it is paid, packed or closed. Contact customer service.
order-change-from-quote = This order was placed from a quote at the quoted prices: ask for a new quote to change it.
order-change-coupon = This order used a coupon: cancel it and order again to change it.
order-change-not-yours = Only the person who placed the order, or a company admin, can change it.
order-change-not-company = Only company orders can be changed.
order-changed = The order was changed.
order-changed-to-approval = The order was changed and sent to your company's approvers.
order-status-changed = Changed
approval-status-superseded = Replaced by a change
approval-note-superseded = The order was changed and no longer needs approval.
approval-reason-changed = The order was changed after it was approved.

## Live demos ("Book a live demo")
demos-title = Live demos
demos-lead = Book a sales representative to show you products live, online or at your site. Your requests and their times are here.
demos-none = You have not asked for a live demo yet.
demos-yours = Your demo requests
demo-new-title = Book a live demo
demo-new-lead = Tell us what you would like to see and when suits you. A sales representative confirms a time, usually within one working day.
demo-from-page = About
demo-topic = What would you like to see?
demo-topic-hint = A product, a range or a problem to solve.
demo-preferred-date = Preferred day
demo-preferred-date-hint = A weekday (Monday to Friday), from tomorrow up to six months ahead.
demo-time-of-day = Preferred time of day
demo-time-morning = Morning (8–12)
demo-time-afternoon = Afternoon (13–17)
demo-time-any = Any time
demo-format = Where
demo-format-online = Online (video meeting)
demo-format-on-site = On site at the company
demo-attendees = Number of people
demo-phone = Phone (optional)
demo-phone-hint = If you would like us to call you to agree the time.
demo-message = Message
demo-send = Send request
demo-number = Demo request
demo-preferred = Preferred
demo-when = Time
demo-scheduled-title = Your demo is booked
demo-cancel-reason = Reason:
demo-withdraw = Withdraw the request
demo-requested = Thank you: we have your demo request and a sales representative will confirm a time.
demo-withdrawn = The demo request was withdrawn.
demo-not-now = This demo request cannot be changed now: it has been held, cancelled or changed meanwhile.
demo-fix-errors = Check the marked fields.
demo-status-requested = Waiting for a time
demo-status-scheduled = Booked
demo-status-held = Held
demo-status-cancelled = Cancelled
demo-topic-missing = Say what you would like to see.
demo-topic-long = Keep it to 200 characters; say more in the message.
demo-date-missing = Choose a day.
demo-date-invalid = Enter the day as YYYY-MM-DD.
demo-date-past = Choose a day after today.
demo-date-far = Choose a day within six months.
demo-date-weekend = We hold live demos on weekdays: choose a day from Monday to Friday.
demo-time-invalid = Choose a time of day.
demo-format-invalid = Choose online or at your site.
demo-attendees-invalid = Enter a whole number from 1 to 50.
demo-phone-invalid = Enter a phone number with 6 to 15 digits (spaces, +, - and brackets allowed), or leave it empty.
demo-message-long = Keep it to 2,000 characters.
demo-at-missing = Choose the day and time.
demo-at-invalid = Enter the day and time as YYYY-MM-DD HH:MM.
demo-at-past = Choose a time in the future.
demo-at-far = Choose a time within six months.
demo-details-missing = Give the meeting link or the address and who to ask for.
demo-details-long = Keep it to 1,000 characters.
demo-reason-missing = Say why, so the buyer knows.
admin-demos = Demo requests
admin-demos-search = Number, company or topic
admin-demos-empty = No demo requests match.
admin-queue-demos = Demo requests to schedule
admin-demo-assigned = Representative
admin-demo-details = Meeting details
admin-demo-details-hint = A video meeting link, or the address and who to ask for. The buyer sees this.
admin-demo-schedule-title = Schedule the demo
admin-demo-at = Day and time
admin-demo-zone = Shop time:
admin-demo-schedule = Schedule and tell the buyer
admin-demo-hold = Mark as held
admin-demo-reason = Reason for cancelling (the buyer sees it)
admin-demo-cancel = Cancel the demo
admin-demo-done-schedule = The demo is scheduled and the buyer has been told.
admin-demo-done-hold = The demo is marked as held.
admin-demo-done-cancel = The demo is cancelled and the buyer has been told.
mail-demo-requested-subject = Live demo request { $number } from { $company }
mail-demo-requested-body = { $company } asks for a live demo ({ $number }): { $topic }. Schedule it here: { $link }
mail-demo-received-subject = We have your demo request { $number }
mail-demo-received-body = Thank you for asking for a live demo of { $topic } ({ $number }). A sales representative will confirm a time. Follow it here: { $link }
mail-demo-scheduled-subject = Your live demo { $number } is booked
mail-demo-scheduled-body = Your live demo of { $topic } ({ $number }) is booked for { $when }. { $details } Details: { $link }
mail-demo-cancelled-subject = Live demo { $number } cancelled
mail-demo-cancelled-body = We have had to cancel the live demo of { $topic } ({ $number }): { $reason } Details: { $link }
mail-demo-withdrawn-subject = Demo request { $number } withdrawn
mail-demo-withdrawn-body = { $company } withdrew demo request { $number } ({ $topic }): { $link }

## Help centre and FAQ
help-title = Help and customer service
help-lead = How to reach us, answers to common questions, and where to follow an order, return something or find your invoices.
help-contact = Contact us
help-email = E-mail:
help-response = We aim to answer e-mail and cases within { $when }, around the clock. Right now we answer within about { $time }.
help-phone = Phone:
help-phone-hours = Weekdays { $opens }–{ $closes } ({ $zone }).
help-phone-open = The phone is open now.
help-phone-closed = The phone is closed now; it opens { $when }.
help-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
help-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
help-self-service = Do it yourself
help-orders = Your orders and their delivery
help-orders-guest = (ordered as a guest? Use the link in your order confirmation.)
help-returns = Returns and exchanges: open the order and choose "Return or exchange items" (30 days' open purchase).
help-invoices = Your company's invoices and open balance
help-quotes = Quotes
help-top = Common questions
help-all-faq = All questions and answers
help-a11y-title = Accessibility
help-a11y-target = We build this shop to meet WCAG 2.2 level AA: every page works by keyboard and with a screen reader, without JavaScript, and at 400 % zoom.
help-a11y-how = We test each page with automated checks (axe-core) and by hand with a keyboard. If something still stands in your way, we want to know.
help-a11y-report = Report a barrier — the page, what you tried and what happened — to
faq-title = Questions and answers
faq-lead = Search or browse by topic. Each answer has its own link to share.
faq-search-label = Search the questions and answers
faq-search = Search
faq-found = { $count } answers for “{ $query }”.
faq-found-one = 1 answer for “{ $query }”.
faq-show-all = Show all questions
faq-none = No answer matches your words. Try fewer or other words, or contact us.
faq-contact = Contact customer service
faq-topics = Topics
faq-link = Link to this answer
faq-topic-ordering = Ordering
faq-topic-delivery = Delivery
faq-topic-returns = Returns and exchanges
faq-topic-payment = Payment
faq-topic-invoices = Invoices and credit
faq-topic-approvals = Approvals and limits
faq-topic-quotes = Quotes and prices
faq-topic-account = Your account
faq-topic-privacy = Privacy
faq-topic-accessibility = Accessibility
faq-topic-other = Other questions
admin-faq = FAQ
admin-faq-new = New question
admin-faq-edit = Edit question
admin-faq-view = See it in the help centre
admin-faq-search = Words in the question
admin-faq-empty = No questions match.
admin-faq-question = Question
admin-faq-answer = Answer
admin-faq-answer-hint = Markdown: a blank line starts a new paragraph; **bold**, lists with "- ", links as [text](/address). HTML shows as text.
admin-faq-topic = Topic
admin-faq-choose = Choose a topic
admin-faq-audience = For
admin-faq-audience-b2c = Consumers
admin-faq-audience-b2b = Companies
admin-faq-audience-both = Everyone
admin-faq-position = Order
admin-faq-position-hint = Lower numbers come first within a topic (0–9999).
admin-faq-publish = Published in the help centre
admin-faq-published = Published
admin-faq-draft = Draft
admin-faq-save = Save
admin-faq-delete = Delete
faq-saved = The question was saved.
faq-deleted = The question was deleted.
faq-fix-errors = Check the marked fields.
faq-question-short = Write the question (at least 5 characters).
faq-question-long = Keep the question to 200 characters.
faq-answer-missing = Write the answer.
faq-answer-long = Keep the answer to 5,000 characters.
faq-topic-invalid = Choose a topic.
faq-audience-invalid = Choose who it is for.
faq-position-invalid = Enter a whole number from 0 to 9999.
# After-sales cases
duration-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
duration-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
duration-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
case-kind-damaged = Damaged goods
case-kind-wrong-item = Wrong item delivered
case-kind-missing = Something is missing
case-kind-delivery = Delivery problem
case-kind-invoice = Invoice question
case-kind-other = Something else
case-status-open = Open
case-status-waiting-on-customer = Waiting for your reply
case-status-resolved = Resolved
case-status-closed = Closed
case-timer-first-met = Answered { $time } before the target
case-timer-first-late = Answered { $time } after the target
case-timer-first-running = First answer due in { $time }
case-timer-first-paused = First answer due in { $time }
case-timer-first-overdue = No answer yet, { $time } past the target
case-timer-resolution-met = Resolved { $time } before the target
case-timer-resolution-late = Resolved { $time } after the target
case-timer-resolution-running = Resolution due in { $time }
case-timer-resolution-paused = Paused while waiting on the customer ({ $time } left)
case-timer-resolution-overdue = Not resolved, { $time } past the target
case-internal-by = Internal note · { $name }
case-agent-by = Customer service · { $name }
case-from-shop = Duett customer service
case-from-customer = Customer
case-event-status = Status: { $status }
case-event-return = Return { $details } started for this case
case-event-refund = Refunded: { $details }
case-photo-alt = Photo { $count }: { $name }
case-photo-empty = { $name } is empty. Choose the photo again.
case-photo-too-large = { $name } is larger than { $size } MB. Choose a smaller photo.
case-photo-not-a-photo = { $name } is not a JPEG, PNG or WebP photo.
case-photo-too-many = Attach at most { $count } photos at a time.
case-photos-hint = Up to { $count } photos (JPEG, PNG or WebP), { $size } MB each.
case-photos-choose-again = Your photos were fine but are not kept when something else needs fixing: choose them again.
case-response-expected = We answer within about { $time }, around the clock.
case-answers-to = We answer by e-mail to { $email } and here on the case's page.
case-error-summary = Please fix the fields marked below.
case-error-kind = Choose what the problem is about.
case-error-description-short = Describe the problem in at least { $count } characters.
case-error-description-long = Keep it to { $count } characters.
case-error-lines = Enter how many units are affected on at least one line.
case-error-line = Enter a whole number from 0 to { $count }.
case-error-line-summary = Check the quantities marked below.
case-error-reply-empty = Write a message or attach a photo.
case-closed-no-reply = This case is closed. Report a new problem from the order's page.
case-changed-meanwhile = The case changed meanwhile; it is shown as it is now. Your text is kept below.
case-created = Thank you. We have your case and will answer soon; we have sent you its link.
case-reply-sent = Your message is sent.
case-closed = The case is closed.
case-answered-after = Answered after { $time }
case-answer-by = We aim to answer by { $time }
case-new-title = Report a problem
case-kind = What is it about?
case-lines = Which items
case-lines-hint = How many units of each line are affected (leave blank when a line is fine).
case-units = Units affected
case-description = Describe the problem
case-description-hint = What happened, and what would put it right for you.
case-photos = Photos (optional)
case-send = Send to customer service
case-title = Case
case-first-answer = First answer
case-return = Return
case-thread = Messages
case-closed-note = This case is closed. If something is still wrong, report a new problem from the order's page.
case-your-reply = Your message
case-send-reply = Send message
case-close-hint = Is everything settled? Close the case.
case-close = Close case
cases-all = All my cases
cases-title = My cases
cases-company-wide = Every case of your company, with who opened it.
cases-how = To report a problem with an order, open the order and choose "Report a problem".
cases-none = You have no cases.
cases-to-orders = Go to my orders
case-subject = Subject
case-opened-by = Opened by
case-status = Status
case-updated = Last update
case-opened = Opened
order-help = Problem with this order?
order-report-problem = Report a problem
order-report-hint = Damaged, wrong or missing items, delivery or invoice: we answer within an hour, around the clock.
mail-case-opened-subject = We have your case { $number }
mail-case-opened-body = Thank you for telling us about { $topic }. We answer within about { $when }. Follow the case and reply here: { $link }
mail-case-new-subject = New case { $number }: { $topic }
mail-case-new-body = A customer opened case { $number } ({ $topic }). Answer it here: { $link }
mail-case-reply-subject = New answer on your case { $number }
mail-case-reply-body = Customer service has answered on your case { $number }. Read it and reply here: { $link }
mail-case-customer-reply-subject = The customer replied on case { $number }
mail-case-customer-reply-body = There is a new message on case { $number }: { $link }
mail-case-resolved-subject = Your case { $number } is resolved
mail-case-resolved-body = We consider case { $number } resolved. If something is still wrong, reply on the case and it opens again: { $link }
mail-case-closed-subject = Your case { $number } is closed
mail-case-closed-body = Case { $number } is closed. The case stays readable here: { $link }
mail-case-return-subject = A return was started for your case { $number }
mail-case-return-body = For case { $number } we have started return { $details }. Print the slip and send the goods back; the case: { $link }
mail-case-refund-subject = We have refunded you for case { $number }
mail-case-refund-body = For case { $number } we have refunded { $details }. The case: { $link }
admin-cases = Support cases
admin-cases-active = Active (open or waiting)
admin-cases-mine = Mine
admin-cases-unassigned = Nobody
admin-cases-nobody = Nobody
admin-cases-counts = { $count } active cases, { $used } past a target.
admin-cases-search = Case, e-mail, subject, order or company
admin-cases-assigned = Assigned to
admin-cases-breached-only = Only past a target
admin-cases-empty = No cases match.
admin-case-customer = Customer
admin-case-resolution = Resolution
admin-case-breached = Past target
admin-case-facts = About the case
admin-case-reply-title = Answer
admin-case-reply = Message
admin-case-internal = Internal note (the customer does not see it)
admin-case-after = Afterwards the case is
admin-case-after-waiting-on-customer = Waiting on the customer
admin-case-after-open = Still open (we are on it)
admin-case-after-resolved = Resolved
admin-case-send = Send
admin-case-actions = Actions
admin-case-assign = Assign
admin-case-take = Take it
admin-case-resolve = Mark resolved
admin-case-close = Close
admin-case-reopen = Reopen
admin-case-return-title = Start a return or exchange
admin-case-return-start = Start it for the customer
admin-case-refund-title = Refund without a return
admin-case-refund-amount = Amount incl. VAT
admin-case-refund-note = What for (the customer reads it)
admin-case-refund = Refund
admin-case-guest = Guest
admin-case-return-not-shipped = Only a shipped or delivered order can be returned.
admin-case-return-window-closed = The order's return window has closed.
admin-case-return-variant = Choose a variant in stock for every line to exchange.
admin-case-refund-left = Up to { $details } is left to refund.
admin-case-after-missing = Choose where the case goes after the message.
admin-case-closed-reopen = The case is closed: reopen it first.
admin-case-noted = Note saved.
admin-case-replied = Answer sent to the customer.
admin-case-not-now = That does not fit the case now.
admin-case-moved = Case updated.
admin-case-assign-refused = Choose a support agent or administrator.
admin-case-assigned = Case assigned.
admin-case-return-started = Return started and the customer mailed its slip.
admin-case-refund-no-order = This case is not about an order.
admin-case-refund-zero = Enter an amount above zero.
admin-case-refund-too-much = At most { $details } is left to refund.
admin-case-refund-note-missing = Say what the refund is for.
admin-case-refund-unpaid = The order is not paid yet: nothing to refund.
admin-case-refunded = Refunded; the customer is mailed.
admin-queue-cases-breached = Cases past their answer or resolution target
help-cases = Something wrong with an order? Open the order and choose "Report a problem"; follow your cases under
admin-case-status-open = Open
admin-case-status-waiting-on-customer = Waiting on the customer
admin-case-status-resolved = Resolved
admin-case-status-closed = Closed

## Live chat
chat-unsent = Your message was not sent; here it is to copy:
order-chat = Chat with us about this order
help-chat = Live chat, around the clock:
chat-title = Chat with us
chat-launcher = Chat with us
chat-panel-close = Close the chat window
chat-intro = Ask us anything about products, orders, delivery or returns. Our agents answer around the clock.
chat-queue-empty = No one is waiting: an agent can answer you now.
chat-queue-count = { $count ->
    [one] 1 person is waiting for an agent right now.
   *[other] { $count } people are waiting for an agent right now.
}
chat-order = Which order is it about? (optional)
chat-order-none = No particular order
chat-order-unknown = We could not find that order among yours. Choose one from the list, or start the chat from the order's page.
chat-about-order = About order
chat-name = Your name
chat-email = E-mail address
chat-email-hint = So we can send you a copy of the chat and answer by e-mail if you leave.
chat-first-message = How can we help?
chat-start = Start the chat
chat-other-ways = Prefer e-mail or phone?
chat-status-waiting = Waiting for an agent — you are number { $position } in the queue. Keep this page open, or come back to it: your chat is kept.
chat-status-active = You are chatting with { $name } from customer service.
chat-status-closed = This chat has ended. A copy has been sent to your e-mail address.
chat-conversation = Conversation
chat-you = You
chat-agent-name = { $name } · customer service
chat-event-taken = { $name } has joined the chat.
chat-event-closed-agent = Customer service ended the chat.
chat-event-closed-customer = The chat was ended by the customer.
chat-event-case = Case { $number } was opened from this chat.
chat-case-opened = We have opened a case for you; follow it here:
chat-your-message = Your message
chat-send = Send
chat-refresh = Check for new messages
chat-end = End the chat
chat-ended-note = You can start a new chat at any time.
chat-start-new = Start a new chat
chat-message-empty = Write a message first.
chat-message-long = Keep a message to { $count } characters.
chat-name-missing = Enter your name.
chat-name-long = Keep your name to { $count } characters.
chat-email-invalid = Enter an e-mail address like name@example.com.
chat-subject-short = Give the case a subject of at least 3 characters.
chat-subject-long = Keep the subject to { $count } characters.
chat-refused-closed = This chat has ended, so nothing more can be written in it.
chat-refused-not-taken = Take the chat before you write in it.
chat-refused-yours = You already have this chat.
chat-refused-not-allowed = That is not possible in this chat.
chat-new-message = New message in the chat
mail-chat-subject = Your chat with Duett customer service
mail-chat-body = Hello { $name },

  here is a copy of your chat with us.

  { $transcript }

  Need more help? Reply to this e-mail or start a new chat in the shop.
admin-chats = Live chat
admin-chats-live = The lists update by themselves while this page is open.
admin-chats-waiting = { $count ->
    [0] Waiting for an agent
    [one] Waiting for an agent (1)
   *[other] Waiting for an agent ({ $count })
}
admin-chats-none-waiting = No one is waiting.
admin-chats-active = In progress
admin-chats-none-active = No chats in progress.
admin-chats-ended = Ended in the last 24 hours
admin-chats-none-ended = No chats ended in the last 24 hours.
admin-chat-latest = Latest message
admin-chat-started = Started
admin-chat-waited = Waiting
admin-chat-waiting-for = { $time }
admin-chat-agent = Agent
admin-chat-yours = yours
admin-chat-ended-at = Ended
admin-chat-title = Chat
admin-chat-guest = guest
admin-chat-take = Take this chat
admin-chat-take-over = Take over from { $name }
admin-chat-status-waiting = Waiting for an agent: take it to answer.
admin-chat-status-yours = You have this chat.
admin-chat-status-active = { $name } has this chat.
admin-chat-status-closed = This chat has ended.
admin-chat-moved = Someone else changed this chat a moment ago; here it is as it is now.
admin-chat-unknown-action = Choose what to do with the chat.
admin-chat-case-exists = This chat has already been turned into a case.
admin-chat-reply = Your reply
admin-chat-end = End the chat
admin-chat-case-title = Turn into an after-sales case
admin-chat-case-hint = The conversation becomes the case's first message, the customer is e-mailed the case's link, and the case follows the usual answer times.
admin-chat-case-choose = Choose what it is about
admin-chat-case-open = Open the case
admin-queue-chats = Chats waiting for an agent
admin-case-replacement-title = Send a replacement
admin-case-replacement-hint = A new order of these units, free of charge, to the order's delivery address; it goes to packing like a paid order. Units left blank are not sent.
admin-case-replacement-send = Send the replacement
admin-case-replacement-sent = The replacement order is made and waits for packing; the customer has been told.
admin-case-replacement-no-order = This case is not about an order, so there is nothing to replace.
admin-case-replacement-not-shipped = A replacement can be sent once the order has shipped.
admin-case-replacement-nothing = Enter how many units to send on at least one line.
admin-case-replacement-lines = Enter whole numbers from 0 up to what was ordered.
admin-case-replacement-stock = Not enough in stock to send: { $details }. Nothing was sent.
order-replacement-note = Replacement for order { $number } (case { $details }), free of charge
order-status-replacement = Replacement sent
case-event-replacement = A replacement was sent free of charge: order { $details }
mail-case-replacement-subject = A replacement is on its way (case { $number })
mail-case-replacement-body = For case { $number } we are sending you a replacement free of charge: order { $details }. The case: { $link }

## Promotions (staff)
admin-promotions = Promotions
promo-new = New promotion
promo-edit = Edit promotion
promo-fix-errors = Please fix the fields marked below; nothing was saved.
promo-saved = The promotion is saved; the homes show it as scheduled.
promo-deleted = The promotion is deleted.
promo-kind = Kind
promo-kind-banner = Banner
promo-kind-slide = Carousel slide
promo-title = Title
promo-body = Text
promo-link = Link
promo-link-hint = A page in the shop (/categories/garden) or an https:// address.
promo-label = Link text
promo-image = Picture (optional)
promo-image-hint = A picture on this site: pick an uploaded one (Files) or type its address, e.g. /static/img/spring.jpg.
promo-audience = Shown to
promo-audience-everyone = Everyone
promo-audience-consumers = Consumers and visitors
promo-audience-signed-in = Signed-in people
promo-audience-companies = Company buyers
promo-starts = Starts
promo-ends = Ends (optional)
promo-times-hint = On the shop's clock. Without an end it runs until switched off.
promo-priority = Priority
promo-priority-hint = Higher shows first, from -1000 to 1000.
promo-active = Switched on
promo-save = Save
promo-delete = Delete
promo-search = Search titles
promo-state = State
promo-state-running = Running
promo-state-scheduled = Scheduled
promo-state-ended = Ended
promo-state-off = Switched off
promo-window = When
promo-from = from { $time }
promo-none = No promotions match.
promo-preview = Preview
promo-preview-at = At
promo-preview-who = Seen by
promo-seen-by-consumers = a visitor or consumer
promo-seen-by-signed-in = a signed-in consumer
promo-seen-by-companies = a company buyer
promo-preview-show = Show
promo-preview-title = What { $audience } sees at { $time }, first to last
promo-preview-none = Nothing is running then; the home shows its standard welcome.
promo-kind-invalid = Choose banner or carousel slide.
promo-title-missing = Give the promotion a title.
promo-title-long = Keep the title to { $count } characters.
promo-body-long = Keep the text to { $count } characters.
promo-link-missing = Add the link the text leads to, or leave the link text empty.
promo-link-invalid = Use a page in the shop (starting with /) or an https:// address.
promo-label-missing = Write the link's text.
promo-label-long = Keep the link text to { $count } characters.
promo-image-invalid = Use a picture in the shop's own files (starting with /static/ or /media/).
promo-audience-invalid = Choose who sees it.
promo-starts-invalid = Enter when it starts (date and time).
promo-ends-invalid = Enter a date and time, or leave it empty.
promo-ends-before = The end must come after the start.
promo-priority-invalid = Enter a whole number from -1000 to 1000.

## Dashboard figures
admin-sales = Sales
admin-sales-note = Orders paid or confirmed on invoice, incl. VAT, on the shop's clock. Revenue is what was ordered in the period; refunds are what was given back in it (returns and refunds from an order or a case), and net revenue is revenue less refunds.
admin-shop-b2c = Consumer shop (B2C)
admin-shop-b2b = Business portal (B2B)
admin-period-today = Today
admin-period-7 = 7 days
admin-period-30 = 30 days
admin-figure-revenue = Revenue
admin-figure-refunds = Refunds
admin-figure-net = Net revenue
admin-figure-orders = Orders
admin-figure-average = Average order
admin-figure-new-customers = New customers
admin-chart-title = Revenue per day, last 30 days: { $shop }
admin-chart-desc = In all { $total }; best day { $best }.
admin-chart-no-sales = none (no sales)
admin-chart-table = The chart's figures as a table
admin-chart-day = Day
admin-top-products = Best sellers, 30 days
admin-top-none = No sales in the last 30 days.
admin-top-product = Product
admin-top-units = Units

## Audit viewer
admin-audit-actor = Who (e-mail)
admin-audit-subject-id = Subject id
admin-audit-from = From
admin-audit-to = To
admin-audit-change = Change
admin-audit-none = No entries match.
admin-audit-date-invalid = Enter a date like 2026-12-04; this one is left out of the filter.

## Coupons (staff)
admin-coupons = Coupons
coupon-new = New coupon
coupon-edit = Edit coupon
coupon-saved = The coupon is saved; the next checkout uses it as it is now.
coupon-search = Search codes
coupon-none = No coupons match.
coupon-code = Code
coupon-code-hint = 3–40 letters, digits, - or _; shoppers may type it in any case.
coupon-kind = Kind
coupon-kind-percent = A percentage off the goods
coupon-kind-fixed = An amount off the goods
coupon-kind-free-delivery = Free delivery
coupon-value = Value
coupon-value-hint = For a percentage, e.g. 10 or 12,5; for an amount, kronor, e.g. 100 or 99,50. Empty for free delivery.
coupon-value-percent = { $details } % off
coupon-value-fixed = { $details } off
coupon-minimum = Minimum order
coupon-minimum-hint = The goods as the shopper sees them must reach this; empty for none.
coupon-starts = Starts (optional)
coupon-times-hint = On the shop's clock; empty means from now on, or without end.
coupon-max-uses = Uses in all (optional)
coupon-max-per-customer = Uses per customer (optional)
coupon-stackable = Combines with the automatic offers
coupon-always = Always
coupon-until = until { $time }
coupon-uses = Used
coupon-uses-of = { $count } of { $details }
coupon-uses-unlimited = { $count } (no limit)
coupon-used-times = { $count ->
    [one] Used once so far.
   *[other] Used { $count } times so far.
}
coupon-state-running = Usable
coupon-state-scheduled = Not yet
coupon-state-ended = Ended
coupon-state-used-up = Used up
coupon-state-off = Switched off
coupon-form-code = Use 3–40 letters, digits, - or _.
coupon-form-code-taken = Another coupon has this code.
coupon-form-kind = Choose what the coupon gives.
coupon-form-percent = Enter a percentage above 0 and at most 100, e.g. 10 or 12,5.
coupon-form-amount = Enter an amount in kronor above 0, e.g. 100 or 99,50.
coupon-form-minimum = Enter an amount in kronor, or leave it empty.
coupon-form-time = Enter a date and time, or leave it empty.
coupon-form-ends-before = The end must come after the start.
coupon-form-count = Enter a whole number from 1, or leave it empty.

## Staff: products
admin-products = Products
product-new = New product
product-edit = Edit product
product-search = SKU or name
product-category = Category
product-state = State
product-audience = Sold in
product-none = No products match. Change the search or the filters.
product-name = Name
product-price = List price excl. VAT
product-on-hand = On hand
product-updated = Changed
product-state-active = On sale
product-state-archived = Archived
product-audience-both = Both shops
product-audience-b2c = Consumer shop only
product-audience-b2b = Business portal only
product-stock-reserved = { $count } ({ $reserved } reserved)
product-view-in-shop = View in the shop
product-archived-note = Not shown in either shop.
product-basics = Product
product-sku-hint = 2–32 letters, digits and hyphens; stored in capitals.
product-slug = Web address
product-slug-hint = The end of the product's address, e.g. cordless-drill-18v. Leave empty to make it from the name.
product-summary = Short summary
product-summary-hint = One or two sentences for product cards and search results.
product-description-hint = Blank lines start new paragraphs.
product-selling = Selling
product-price-hint = In kronor excl. VAT, e.g. 999,20. Consumers see it with VAT; companies see their agreed prices.
product-tax = VAT class
product-audience-hint = Which storefronts show the product.
product-min-qty = Minimum quantity
product-qty-step = Sold in steps of
product-max-qty = Maximum per order
product-max-qty-hint = Leave empty for no maximum.
product-low-stock = Low stock at
product-low-stock-hint = The dashboard and the shop say "only a few left" at or below this.
product-active = On sale (shown in the shops)
product-featured = Featured on the home pages
product-details = Details and search engines
product-specs-hint = One per line as "Name: value", e.g. Weight: 1,4 kg.
product-seo-title = Page title for search engines
product-seo-title-hint = Up to 70 characters; leave empty to use the name.
product-seo-description = Description for search engines
product-seo-description-hint = Up to 160 characters; leave empty to use the summary.
product-add-pictures = Add pictures
product-pictures-files = Picture files
product-pictures-hint = JPEG, PNG or WebP, at least 200 × 200 pixels, up to 15 MB each, up to { $count } at a time. They are resized for phones and large screens.
product-picture-alt = Description of the picture
product-picture-alt-hint = What the picture shows, for people who cannot see it. Leave empty to use the product's name.
product-save = Save product
product-pictures = Pictures
product-pictures-none = No pictures yet. Add them with the form above.
product-picture-main = main picture
product-picture-save-alt = Save description
product-picture-up = Move earlier
product-picture-down = Move later
product-picture-remove = Remove
product-videos = { $count ->
    [one] The product also has one video.
   *[other] The product also has { $count } videos.
}
product-stock = Stock
product-stock-level = { $count } on hand, { $reserved } reserved for orders.
product-more = More actions
product-duplicate = Make a copy
product-archive = Archive (take off sale)
product-restore = Put back on sale
product-category-choose = Choose a category
product-brand-none = No brand
product-fix-errors = Please fix the fields marked below; nothing was saved.
product-prices-shown = Consumers pay { $consumer } incl. VAT; companies without an agreement pay { $company } excl. VAT.
product-saved = The product is saved; both shops show the change now.
product-stock-saved = The stock change is saved in the ledger.
product-picture-moved = The picture is moved.
product-picture-saved = The picture's description is saved.
product-picture-removed = The picture is removed.
product-duplicated = This is the copy, archived until you put it on sale. Check its SKU, name and address.
product-restored = The product is on sale again.
product-archived = The product is archived and no longer shown in the shops.
product-too-long = Use at most { $count } characters.
product-sku-missing = Enter the SKU.
product-sku-bad = A SKU has 2 to { $count } letters, digits and hyphens, e.g. DR-2000.
product-name-missing = Enter the product's name.
product-slug-bad = Use lower-case letters, digits and single hyphens, e.g. cordless-drill-18v.
product-brand-bad = Choose a brand from the list.
product-category-missing = Choose a category.
product-tax-missing = Choose a VAT class.
product-price-zero = The price must be more than 0 kronor.
product-price-high = The price is higher than the shop accepts (10 000 000 kronor).
product-price-missing = Enter the list price in kronor excl. VAT.
product-price-bad = Enter the price in kronor, e.g. 999 or 999,20.
product-qty-bad = Enter a whole number from { $count }.
product-max-below-min = The maximum must be at least the minimum ({ $count }).
product-step-min = The minimum quantity must be a whole number of steps of { $count }.
product-audience-bad = Choose where the product is sold.
product-spec-line = Line { $count } is not "Name: value".
product-spec-long = Line { $count } is too long (names up to 60, values up to 200 characters).
product-specs-many = Use at most { $count } lines.
product-sku-taken = Another product has this SKU.
product-slug-taken = Another product has this web address.
picture-choose-again = Pictures are not kept when the form has errors; choose them again.
picture-empty = “{ $name }” is empty.
picture-too-large = “{ $name }” is larger than { $size } MB.
picture-not-a-picture = “{ $name }” is not a JPEG, PNG or WebP picture.
picture-too-small = “{ $name }” is too small: pictures need at least { $min } pixels on each side.
picture-too-big = “{ $name }” is too big: at most { $max } pixels on a side.
picture-too-many = Add at most { $count } pictures at a time.
picture-unreadable = “{ $name }” could not be read; it may be damaged. Save it again and retry.
stock-change = Change
stock-change-hint = Units to add (20) or take away (-3).
stock-reason = Reason
stock-note = Note
stock-note-hint = Delivery note, count sheet or why; needed for a correction.
stock-save = Save change
stock-ledger = Latest stock changes
stock-when = When
stock-who = By
stock-change-zero = Enter a change other than 0.
stock-change-bad = Enter a whole number of units, e.g. 20 or -3.
stock-reason-missing = Choose a reason.
stock-note-missing = Say why in the note.
stock-change-below-reserved = There are { $count } on hand and { $reserved } reserved for orders; at most { $most } can be taken away.
stock-reason-received = Received
stock-reason-counted = Counted
stock-reason-damaged = Damaged or lost
stock-reason-correction = Correction
stock-reason-shipped = Shipped
stock-reason-returned = Returned
stock-reason-return-rejected = Return rejected
stock-reason-exchange-sent = Exchange sent
import-title = Import products
import-intro = Add or change many products at once from a CSV file. The file is checked first and nothing is saved until you press Import. A column the file leaves out keeps each product's current value, so a file with only sku and price changes only prices.
import-columns = Columns (the first row names them; only sku is required):
import-export-all = Export every product as CSV (a starting point for a file)
import-export-these = Export these as CSV
import-file = CSV file
import-file-hint = Comma, semicolon or tab separated, UTF-8 or Excel's Windows encoding, up to { $size } MB. Categories and brands by name or web address; prices in kronor excl. VAT; active and featured as yes or no.
import-check = Check the file
import-recent = Recent imports
import-state = State
import-state-checking = Checking…
import-state-checked = Checked, ready to import
import-state-refused = Problems found
import-state-running = Importing…
import-state-done = Imported
import-state-failed = Stopped
import-progress = { $count } of { $max } rows
import-check-progress = Check progress
import-summary = { $count } new products, { $changed } changes and { $unchanged } unchanged; { $problems } problems.
import-summary-done = { $count } products added and { $changed } changed, { $unchanged } unchanged; { $problems } rows skipped.
import-ignored = Columns not used:
import-run = Import
import-fix-and-retry = Nothing was saved. Fix the rows below in your file and check it again.
import-upload-again = Upload the file again
import-problems = Problems by row
import-line = Line
import-column = Column
import-problem = Problem
import-more-problems = { $count ->
    [one] …and one more problem.
   *[other] …and { $count } more problems.
}
import-choose-file = Choose a CSV file.
import-too-large = The file is larger than { $size } MB; split it into smaller files.
import-empty = The file has no products.
import-spreadsheet = This is a spreadsheet workbook; save it as CSV and upload that.
import-not-text = The file is not text; save it as CSV and upload that.
import-file-gone = The uploaded file is no longer there; upload it again.
import-no-sku = The first row must name the columns, one of them sku.
import-repeated = The column { $name } appears twice.
import-too-many-rows = The file has more than { $max } rows; split it into smaller files.
import-broken = The file cannot be read as CSV from line { $count } (a quote that is not closed?).
import-formula = The cell starts like a spreadsheet formula; remove the =, +, - or @.
import-category-unknown = No category has this name or web address.
import-brand-unknown = No brand has this name or web address.
import-yes-no = Write yes or no.
import-sku-twice = This SKU is on an earlier row too.

## Staff: agreed prices
admin-prices = Prices
prices-no-list = No price list
prices-none = No prices yet.
prices-companies = Companies' price lists and terms
preview-heading = Price preview
preview-intro = What a company pays for a product, worked out by the shop's own pricing: its price list, contract prices, volume tiers and payment terms, on the day you choose.
preview-company = Company
preview-company-choose = Choose a company
preview-qty = Quantity
preview-day = On
preview-show = Show the price
preview-terms-own = The company's own terms
preview-no-terms = no payment terms
preview-title = { $company } buys { $qty } × { $sku } { $name } on { $terms }, { $date }
preview-line-total = Line total excl. VAT:
preview-company-missing = Choose a company.
preview-sku-unknown = No product has this SKU.
price-lists = Price lists
price-list-name = Name
price-list-code = Code
price-list-code-hint = 2–40 lower-case letters, digits and hyphens, e.g. construction-2027.
price-list-entries = Prices
price-list-companies = Companies
price-list-new = New price list
price-list-create = Add the price list
price-list-created = The price list is added. Add its prices below.
price-list-code-bad = Use 2–40 lower-case letters, digits and hyphens.
price-list-name-bad = Give the list a name of 2–100 characters.
price-list-code-taken = Another price list has this code.
price-filter-sku = SKU starts with
price-from-qty = From quantity
price-unit = Unit price excl. VAT
price-unit-hint = In kronor, e.g. 849,50.
price-window = Valid
price-actions = Actions
price-add = Add a price
price-valid-from = First day
price-valid-to = Last day
price-window-hint = Leave the first day empty to start now and the last day empty for no end. To change a price on a date, give the current price a last day and add the new one from the day after.
price-note-hint = Shown to the buyer in "why this price", e.g. Framework agreement 2027.
price-window-from = from { $date }
price-window-until = until { $date }
price-window-open = until further notice
price-state-current = Applies now
price-state-scheduled = Scheduled
price-state-ended = Ended
price-sku-bad = Enter a SKU, e.g. TO-01000.
price-min-qty-bad = Enter a whole number from 1.
price-amount-bad = Enter a price in kronor above 0, e.g. 849,50.
price-day-bad = Enter a date as YYYY-MM-DD.
price-to-before-from = The last day must not come before the first.
price-note-long = Use at most 200 characters.
price-overlap = Another price for this product and quantity applies on some of these days. End that one first.
price-added = The price is added; buyers see it on their next page.
price-removed = The price is removed.
company-pricing = Price list and payment terms
company-price-list = Price list
company-payment-terms = Payment terms
company-pricing-save = Save
company-pricing-saved = The company's price list and terms are saved.
contract-prices = Contract prices
terms-heading = Payment terms
terms-intro = Each term's adjustment changes company prices on that term, in percent: negative for a discount (e.g. -2 for prepayment), positive for a surcharge.
terms-adjustment = { $name } ({ $count } days), adjustment in %
terms-save = Save
terms-saved = The payment terms are saved.
terms-adjustment-bad = Enter a percentage such as -2 or 1,5.
terms-adjustment-range = Keep the adjustment between -{ $max } and { $max } %.

## Staff: companies
admin-companies = Companies
companies-search = Name or organisation number
companies-none = No companies match.
companies-org-no = Organisation number
companies-vat = VAT number
companies-since = Customer since
companies-credit = Credit for invoices
companies-prices-link = Price list, payment terms and contract prices
companies-details = Details
companies-industry-hint = The portal's home shows content for this industry.
companies-size = Size
companies-contact-name = Contact person
companies-contact-email = Contact e-mail
companies-contact-phone = Contact phone
companies-credit-hint = In kronor. Orders on invoice may not take open invoices above it.
companies-status-hint = A suspended company's people cannot sign in to it or order until it is active again.
companies-application-note = This company's application has not been approved; decide it on the applications page.
companies-people = People
companies-people-none = Nobody yet.
companies-invited = invited, not signed in yet
companies-role = Role
companies-order-limit = Limit per order
companies-monthly-limit = Limit per month
companies-member-active = May act for the company
companies-limits-hint = Limits in kronor excl. VAT; empty means none. Orders above a limit wait for an approver.
company-credit-limit = Credit limit
company-credit-left = { $left } of { $limit } left
company-vat-verified = { $number } (verified)
company-status-active = Active
company-status-suspended = Suspended
company-status-pending = Applied
company-status-rejected = Rejected
company-name-bad = Give the company's name (2–120 characters).
company-size-missing = Choose the size.
company-contact-long = Use at most 120 characters.
company-email-bad = Enter an e-mail address, e.g. name@company.se.
company-phone-bad = Use digits, spaces, + - and brackets only.
company-credit-bad = Enter an amount in kronor from 0, e.g. 250 000.
company-status-bad = Choose active or suspended.
company-saved = The company is saved.
member-saved = The person's role and limits are saved.

## Staff: staff accounts
admin-staff = Staff
staff-people = People and roles
staff-you = you
staff-off = switched off
staff-switch-off = Switched off (cannot sign in)
staff-add = Add a staff member
staff-add-hint = They get an e-mail with a link to choose their password (valid 7 days).
staff-name-bad = Give the person's name (2–100 characters).
staff-role-bad = Choose a role.
staff-email-taken = This address already has an account.
staff-not-yourself = You cannot change your own role or switch yourself off; ask another administrator.
staff-last-administrator = The shop needs at least one active administrator; make someone else one first.
staff-invited = The staff member is added and has been e-mailed a link to choose a password.
staff-saved = The staff member is saved.
mail-staff-invitation-subject = Your Duett staff account
mail-staff-invitation-body =
    Hi { $name },

    You have a staff account at Duett as { $role }. Choose your password here:

    { $link }

    The link works once and expires in 7 days.

## Admin: categories and brands
admin-categories = Categories
admin-brands = Brands
category-new = New category
category-list-hint = Categories are shown in this order in both shops' menus and on their homes. A hidden category leaves the menus and its page; its products stay on sale and can still be found by search.
category-none = There are no categories yet.
category-order = Order
category-up = Move up
category-down = Move down
category-add-under = Add under
category-shown = Shown in the shops
category-hidden = Hidden
category-view = Open in the shop
category-top-level = — Top level —
category-parent = Parent category
category-parent-hint = Up to three levels: group, category, subcategory.
category-industry-hint = Company buyers in this industry see the category first on their home.
category-slug-hint = The end of the address, e.g. power-tools. Leave empty to make it from the name.
category-description-hint = Shown at the top of the category's page. Plain text.
category-shown-hint = Hiding a category hides its subcategories too.
category-remove = Remove
category-remove-hint = Nothing uses this category, so it can be removed.
category-in-use = This cannot be removed while it is in use (products: { $products }, subcategories: { $subcategories }, cart rules: { $rules }). Move those elsewhere first, or hide it instead.
category-saved = The category is saved.
category-moved = The order is saved.
category-deleted = The category is removed.
category-name-bad = Give a name of 2 to 80 characters.
category-slug-bad = Use lower-case letters, digits and single hyphens, e.g. power-tools.
category-slug-taken = Another category has this web address.
category-parent-bad = Choose a parent category from the list.
category-parent-loop = A category cannot go under itself or one of its own subcategories.
category-too-deep = That would make more than three levels. Choose a parent higher up.
category-parent-hidden = The parent category is hidden. Show it first, or save this one hidden.
category-description-long = Keep the description under 2,000 characters.
brand-add = Add a brand
brand-all = All brands
brand-none = There are no brands yet.
brand-products = { $count ->
    [one] 1 product
   *[other] { $count } products
}
brand-name-bad = Give a name of 1 to 60 characters.
brand-name-taken = There is a brand with this name already.
brand-slug-taken = Another brand has this web address.
brand-saved = The brand is saved.
brand-deleted = The brand is removed.
brand-in-use = This brand cannot be removed while it is in use (products: { $products }, cart rules: { $rules }).

## Admin: settings
admin-settings = Settings
settings-saved = The settings are saved.
settings-shop = The shop
settings-shop-name = Shop name
settings-shop-name-hint = Shown in every page's header, title and footer, in both shops and here.
settings-return-days = Return window (days)
settings-return-days-hint = Days after delivery a customer may ask to return an order. 0 turns returns off for new requests.
settings-name-bad = Give the shop a name of 2 to 60 characters.
settings-return-days-bad = Give a whole number of days from 0 to 365.
settings-vat = VAT rates
settings-vat-hint = List prices are kept excluding VAT. A new rate changes what consumers pay for every product in that class at once; orders already placed keep theirs. Rename the class too if its name says the rate.
settings-vat-name = Name
settings-vat-rate = Rate (%)
settings-rate-name-bad = Give a name of 2 to 40 characters.
settings-rate-bad = Give a rate from 0 to 100 %, e.g. 25 or 12,5.
settings-delivery = Delivery methods
settings-delivery-hint = Prices are excluding VAT; consumers see them with VAT. A method switched off is no longer offered at checkout; orders that used it keep it.
settings-delivery-name = Name
settings-delivery-price = Price excl. VAT (SEK)
settings-delivery-free-over = Free from (SEK)
settings-delivery-free-over-hint = Order value excl. VAT. Empty: never free.
settings-delivery-min-days = Fastest (days)
settings-delivery-max-days = Slowest (days)
settings-delivery-active = Offered at checkout
settings-delivery-add = Add a delivery method
settings-delivery-name-bad = Give a name of 2 to 60 characters.
settings-delivery-price-bad = Give an amount in kronor from 0 to 1,000,000, e.g. 149 or 149,50.
settings-delivery-days-bad = Give a whole number of days from 0 to 90.
settings-delivery-days-order = The slowest delivery cannot be quicker than the fastest.
settings-delivery-taken = There is a delivery method with this name already.
settings-delivery-last = This is the only method offered; customers could not check out. Add or switch on another first.

## Admin: order notes and print
admin-order-print = Print
admin-order-print-hint = Or use your browser's print command.
admin-order-back = Back to the order
admin-order-picked = Picked
admin-order-unit-price = Unit price
admin-order-units = { $count ->
    [one] 1 item
   *[other] { $count } items
}
admin-order-refunded = { $amount } of { $total } has been given back.
admin-order-notes = Staff notes
admin-order-notes-none = No notes yet.
admin-order-note = Add a note
admin-order-note-hint = For colleagues working this order; the customer never sees it.
admin-order-note-add = Add note
admin-order-note-added = The note is added.
admin-order-note-missing = Write the note first.
admin-order-note-long = Keep the note under 2,000 characters.

## Admin: consumers
admin-customers = Consumers
customers-search = Name or e-mail
customers-none = No consumer matches.
customers-joined = Joined
customers-spent = Spent
customers-last-order = Last order
customers-placed = Placed
customers-unverified = not confirmed
customers-state-active = Active
customers-state-off = Switched off
customers-language = Language
customers-language-default = The shop's default
customers-account = Account
customers-switch-off = Switch this account off
customers-switch-off-hint = A switched-off account cannot sign in, and anyone signed in with it is signed out. Orders and their links stay as they are.
customers-saved = The account is saved.
customers-no-orders = No orders yet.

## Admin: cart rules
admin-cart-rules = Cart rules
cart-rule-new = New cart rule
cart-rule-list-hint = Cart rules take money off automatically in the cart and at checkout, in both shops, in this order. A rule switched off stays here; orders that used it keep its name.
cart-rule-none = No cart rules match.
cart-rule-offer = Offer
cart-rule-covers = Covers
cart-rule-whole-shop = The whole shop
cart-rule-any = — Any —
cart-rule-offer-bxpy = Buy { $buy }, pay for { $pay }
cart-rule-offer-percent = { $rate } % off
cart-rule-kind = Kind
cart-rule-kind-buy-x-pay-y = Buy a number, pay for fewer
cart-rule-kind-percent-off = A percentage off
cart-rule-name-hint = Shoppers see this name next to the discount, e.g. "3 for 2 on tableware".
cart-rule-buy = Buy
cart-rule-buy-hint = For "buy a number, pay for fewer".
cart-rule-pay = Pay for
cart-rule-percent = Percent off
cart-rule-percent-hint = For "a percentage off", e.g. 10 or 12,5.
cart-rule-category-hint = A category covers its subcategories too.
cart-rule-saved = The cart rule is saved.
cart-rule-name-bad = Give a name of 2 to 80 characters.
cart-rule-kind-bad = Choose the kind of rule.
cart-rule-buy-bad = Give a whole number from 2 to 100.
cart-rule-pay-bad = Give a whole number from 1, fewer than the number bought.
cart-rule-scope-bad = Choose from the list.
admin-orders-from = Placed from
admin-orders-to = Placed until
admin-orders-day-bad = Give a day like 2026-12-01; this filter was left out.
# Content in admin
admin-content = Content
admin-testimonials = Testimonials
content-new = New article
content-new-guide = New buying guide
content-new-blog = New blog post
content-new-case-study = New case study
content-new-demo = New demo page
content-new-block = New targeted block
content-list-hint = Buying guides, product blog posts, case studies and demo pages have their own page under /content; targeted blocks show on the business home to the industry and role they aim at. Also here:
content-search = Search titles
content-kind = Kind
content-title = Title
content-aimed-at = For
content-product = Product
content-open = Open
content-open-page = Open the page readers see
content-none = No articles match.
content-state-draft = Draft
content-state-scheduled = Scheduled
content-state-published = Published
content-any = Any
content-role = Role
content-role-buyer = Buyers
content-role-approver = Approvers
content-role-admin = Company administrators
content-industry = Industry
content-industry-hint = Pieces for one industry or role come before general ones on the business home.
content-audience-hint = Demo pages and targeted blocks are for companies.
content-slug = Address
content-slug-hint = The part after /content/; made from the title when left empty. Lower-case letters, digits and hyphens.
content-summary = Summary
content-summary-hint = One or two sentences for cards, search engines and shared links.
content-body = Text (Markdown)
content-body-hint = Blank line between paragraphs. Headings start with ##. HTML is shown as text.
content-markdown-help = How to format
content-markdown-type = Type
content-markdown-get = To get
content-markdown-heading = Heading
content-markdown-italic = italic
content-markdown-bold = bold
content-markdown-item = item
content-markdown-list = A bulleted list
content-markdown-link = A link
content-markdown-alt = What the picture shows
content-markdown-picture = A picture from this site
content-markdown-table = A table
content-product-hint = The SKU of the product this piece is about; its product page then links here.
content-video = Video
content-video-hint = A WebM or MP4 film on this site: pick an uploaded one or type its address.
content-captions = Captions
content-captions-hint = A WebVTT file on this site for the video: pick an uploaded one or type its address.
content-position-hint = Lower numbers come first.
content-publish-at = Published from
content-publish-at-hint = Shop time. Leave empty to publish when saved; a later time schedules it.
content-published = Published (untick to keep as a draft)
content-preview = Preview
content-preview-unsaved = not saved
content-remove-title = Remove
content-remove-hint = Removing cannot be undone; untick Published to take it off the shops instead.
content-remove = Remove
content-kept-by-bookings = { $count ->
    [one] One demo booking names this page, so it stays: untick Published to take it off the shop.
   *[other] { $count } demo bookings name this page, so it stays: untick Published to take it off the shop.
}
content-saved = The article is saved.
content-deleted = The article was removed.
content-form-kind = Choose a kind from the list.
content-form-title-short = Give a title of at least 3 characters.
content-form-title-long = Keep the title to 200 characters.
content-form-slug = Use lower-case letters, digits and single hyphens, at most 100 characters.
content-form-slug-taken = Another page has this address; choose another.
content-form-summary-long = Keep the summary to 400 characters.
content-form-body-missing = Write the text.
content-form-body-long = Keep the text to 50 000 characters.
content-form-audience = Choose who it is for.
content-form-audience-business = Demo pages and targeted blocks are for companies: choose Companies or Everyone.
content-form-industry = Choose an industry from the list.
content-form-role = Choose a role from the list.
content-form-product = Give a SKU (letters, digits and hyphens) or leave it empty.
content-form-product-unknown = No product has this SKU.
content-form-site-path = Give a file on this site, starting with / (e.g. /static/video/demo.webm).
content-form-captions-alone = Captions need a video.
content-form-position = Give a whole number from 0 to 9999.
content-form-publish-at = Give a date and time, e.g. 2026-12-24 08:00.
testimonial-new = New testimonial
testimonial-list-hint = The consumer home shows the first three shown testimonials for consumers or everyone.
testimonial-none = No testimonials match.
testimonial-author = Name
testimonial-role = Who they are
testimonial-role-hint = E.g. "Home cook, Malmö" or "Site manager, Nordbygg".
testimonial-quote = What they said
testimonial-quote-hint = 10 to 600 characters, shown as typed.
testimonial-rating = Rating
testimonial-no-rating = No rating
testimonial-stars = { $count ->
    [one] 1 star
   *[other] { $count } stars
}
testimonial-audience-hint = The consumer home shows testimonials for consumers and for everyone.
testimonial-active = Shown
testimonial-shown = Shown
testimonial-hidden = Hidden
testimonial-saved = The testimonial is saved.
testimonial-deleted = The testimonial was removed.
testimonial-form-author = Give a name of 2 to 80 characters.
testimonial-form-role = Keep this to 120 characters.
testimonial-form-quote-short = Give the quote, at least 10 characters.
testimonial-form-quote-long = Keep the quote to 600 characters.
testimonial-form-rating = Choose 1 to 5 stars, or no rating.
product-articles = Read more about it
admin-order-refund-title = Give money back
admin-order-refund-hint = Without a return: a goodwill refund, a price match, a late delivery. Paid by card: the card is refunded; on an unpaid invoice: the invoice is credited. The customer gets an e-mail.
admin-order-refund-give = Give back
admin-order-refunded-now = The money was given back and the customer was told.
mail-order-refunded-subject = Money back for order { $number }
mail-order-refunded-body = We have given back { $details } for order { $number }. It shows on your card or invoice within a few days. The order: { $link }
product-video-hint = One video plays on the product page in both shops. Upload the film, its still and its captions under Files, then pick them here.
product-video-url = Video file
product-video-url-hint = A WebM or MP4 film on this site: pick an uploaded one or type its address.
product-video-poster-label = Still before it plays
product-video-poster-hint = Optional: a JPEG, PNG or WebP on this site.
product-video-title-label = Title for screen readers
product-video-title-hint = Empty: the product's name.
product-video-save = Save video
product-video-remove = Remove video
product-video-saved = The video is saved; the product page plays it.
product-video-removed = The video was removed.
product-video-missing = Give the video's address.
product-video-file = Give a WebM or MP4 file on this site, starting with /.
product-video-poster = Give a JPEG, PNG or WebP on this site, starting with /, or leave it empty.
product-video-captions = Give a WebVTT (.vtt) file on this site, starting with /, or leave it empty.
product-video-title = Keep the title to 200 characters.
admin-order-approval = Company approval
admin-order-approval-asked = Asked by { $name } on { $when } (shop time).
admin-order-approval-who = Waiting for one of the company's approvers or administrators; they decide on the business portal:
admin-queue-approvals = Company orders awaiting approval
admin-reviews-search = Product, SKU or reviewer e-mail
cart-rule-search = Name, category or brand
testimonial-search = Name, who they are or words they said

brand-search = Name or address
brand-none-match = No brands match.
staff-search = Name or e-mail address
staff-state = State
staff-state-active = Active
staff-state-off = Switched off
staff-state-invited = Invited, not signed in yet
staff-none-match = Nobody matches.
applications-search = Company, organisation number, contact or e-mail
applications-none-match = No waiting applications match.

category-picture = Picture
category-picture-file = New picture
category-picture-hint = JPEG, PNG or WebP, at least 200 pixels on each side. Shown on the category's tile on the shop's home page.
category-picture-upload = Upload picture
category-picture-remove = Remove picture
category-picture-none = No picture: the tile shows the shop's plain motif.
category-picture-motif = The shop's motif picture; upload one of your own to replace it.
category-picture-saved = Picture saved.
category-picture-removed = Picture removed.

## Admin: files for the shop's pages
admin-files = Files
file-intro = Pictures, films and captions for articles, promotions and product videos. Upload a file here, then paste its address (or, for a picture in an article, its Markdown) where it is used; the forms also offer the newest files to pick from.
file-upload = Upload file
file-file = File
file-hint = A JPEG, PNG or WebP picture (up to 15 MB, at least 200 pixels on each side; stored in the shop's sizes), a WebM or MP4 film (up to 300 MB) or a WebVTT captions file (up to 1 MB).
file-title = Title
file-title-hint = Describes the file; a picture's alternative text in articles. Empty: the file's name.
file-refused = The file was not uploaded: see the message next to the field.
file-all = All files
file-search = Search titles and addresses
file-kind = Kind
file-kind-picture = Picture
file-kind-video = Film
file-kind-captions = Captions
file-none = No files uploaded yet.
file-none-match = No files match this search.
file-preview = Preview
file-size = Size
file-uploaded = Uploaded
file-address = Address
file-address-hint = Paste this into a film, still, captions or picture field.
file-snippet = Markdown for articles
file-snippet-hint = Paste this into an article's text to show the picture there.
file-about = About the file
file-open-captions = Open the captions file
file-uses = Where it is used
file-unused = Nothing uses this file.
file-delete = Delete file
file-in-use = This file is used on the pages listed below; take it out of them first.
file-in-use-hint = A file in use cannot be deleted.
file-used-product = Product: { $name }
file-used-article = Article: { $name }
file-used-promotion = Promotion: { $name }
file-uploaded-flash = File uploaded.
file-deleted-flash = File deleted.
file-empty = Choose a file to upload.
file-too-large = “{ $name }” is too large: pictures may be up to { $picture } MB, films up to { $video } MB and captions files up to { $captions } MB.
file-not-accepted = “{ $name }” is not a JPEG, PNG or WebP picture, a WebM or MP4 film or a WebVTT captions file.
file-bad-captions = “{ $name }” is not a WebVTT captions file: it must be UTF-8 text starting with WEBVTT and have at least one cue (a line with “-->”).
file-pick = Pick an uploaded file or type an address
file-go-upload = Upload files
content-uploaded-pictures = Uploaded pictures
content-uploaded-pictures-hint = The newest pictures; copy a line into the text to show the picture there.

## Admin: bulk actions on lists
bulk-with-ticked = With the ticked rows
bulk-tick = Tick
bulk-apply = Apply to ticked
bulk-none-ticked = Nothing was ticked: tick the rows to change first.
products-bulk-archive = Archive (take off sale)
products-bulk-restore = Put back on sale
products-bulk-archived = { $count ->
    [0] No product changed: the ticked ones were archived already.
    [one] One product archived.
   *[other] { $count } products archived.
}
products-bulk-restored = { $count ->
    [0] No product changed: the ticked ones were on sale already.
    [one] One product is on sale again.
   *[other] { $count } products are on sale again.
}
reviews-bulk-approve = Publish ticked
reviews-bulk-reject = Reject ticked
reviews-bulk-reason-hint = Needed to reject: every ticked reviewer sees it.
reviews-bulk-approved = { $count ->
    [0] No review changed: the ticked ones were decided already.
    [one] One review published.
   *[other] { $count } reviews published.
}
reviews-bulk-rejected = { $count ->
    [0] No review changed: the ticked ones were decided already.
    [one] One review rejected.
   *[other] { $count } reviews rejected.
}
bulk-tick-all = Tick every row on this page
